package org.breakwater.announce.bus;

import org.breakwater.announce.Courier;
import org.breakwater.announce.DeliveryException;
import org.breakwater.announce.OutboxEntry;
import org.breakwater.bus.BusException;
import org.breakwater.bus.BusMessage;
import org.breakwater.bus.BusPublisher;
import org.breakwater.bus.BusSettings;

/** Publishes bus events from the outbox: topic from the event name and the settings' prefix and environment. */
public final class BusCourier implements Courier, AutoCloseable {
    private final BusSettings settings;
    private final BusPublisher publisher;

    public BusCourier(BusSettings settings) {
        this.settings = settings;
        this.publisher = new BusPublisher(settings);
    }

    @Override
    public void deliver(OutboxEntry entry) throws DeliveryException {
        try {
            publisher.publish(new BusMessage(settings.topic(entry.destination()), entry.messageId(), entry.payload(),
                    entry.createdAt(), entry.subject()));
        } catch (BusException e) {
            throw new DeliveryException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("the event cannot be published: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return settings.displayBroker();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
