package org.breakwater.bus;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A consumer on a real broker, for tests: a queue of its own bound to an exchange with a binding
 * key (e.g. {@code org.fedoraproject.#} on {@code amq.topic}), recording every delivery in order.
 * The queue goes when the recorder is closed.
 */
public final class TopicRecorder implements AutoCloseable {
    private final Connection connection;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    public TopicRecorder(URI broker, String exchange, String bindingKey) throws Exception {
        var factory = new ConnectionFactory();
        factory.setUri(broker);
        factory.setAutomaticRecoveryEnabled(false);
        connection = factory.newConnection("breakwater-test-recorder");
        var channel = connection.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        channel.basicConsume(queue, true, (tag, delivery) -> deliveries.add(delivery), tag -> { });
    }

    /** The next delivery, waiting up to ten seconds for it. */
    public Delivery next() throws InterruptedException {
        return poll(Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no message arrived within 10 s"));
    }

    /** The next {@code count} deliveries, in the order they arrived. */
    public List<Delivery> next(int count) throws InterruptedException {
        var list = new ArrayList<Delivery>();
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    /** The next delivery if one arrives within {@code wait}. */
    public Optional<Delivery> poll(Duration wait) throws InterruptedException {
        return Optional.ofNullable(deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() throws IOException {
        if (connection.isOpen()) {
            connection.close();
        }
    }
}
