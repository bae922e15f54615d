package org.breakwater.staging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.breakwater.catalog.CatalogService;
import org.breakwater.catalog.Outcome;

/**
 * The suites registry's use cases: register (by hand or from catalog files), list, remove, and
 * keep secrets sealed. Start here; running is {@link SuiteRuns}, the schedule {@link SuiteScheduler}.
 */
public final class SuiteService {
    private final SuiteRepository repository;
    private final CatalogService catalog;
    private final SecretBox secrets;
    private final Clock clock;

    public SuiteService(SuiteRepository repository, CatalogService catalog, SecretBox secrets, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<StagingSuite> suites() {
        return repository.suites();
    }

    public Optional<StagingSuite> suite(String name) {
        return repository.suite(name);
    }

    /** Every problem of {@code s} against the catalog (empty: it can be registered). */
    public List<String> problems(StagingSuite s) {
        return SuiteRules.problems(s, v -> catalog.service(v).isPresent());
    }

    /** Registers (or replaces) a suite; its schedule starts from now. */
    public Outcome<StagingSuite> add(StagingSuite s) {
        List<String> problems = problems(s);
        if (!problems.isEmpty()) {
            return Outcome.refused(String.join("; ", problems));
        }
        Instant now = clock.instant();
        repository.save(s, now);
        repository.setDue(s.name(), SuiteSchedule.next(s.cron(), s.zone(), now), now);
        return Outcome.done(s);
    }

    /** The catalog files' suites replace those read from files before, all or nothing. */
    public Outcome<Integer> importFromFiles(Collection<StagingSuite> fromFiles) {
        List<String> problems = new ArrayList<>();
        fromFiles.forEach(s -> problems.addAll(problems(s)));
        List<String> byHand = repository.suites().stream().filter(s -> s.origin().equals("cli")).map(StagingSuite::name)
                .toList();
        fromFiles.stream().filter(s -> byHand.contains(s.name())).forEach(s -> problems.add("suite " + s.name()
                + " was added by hand (staging suite add): remove it first to manage it in the catalog files"));
        if (!problems.isEmpty()) {
            return Outcome.refused(String.join("; ", problems));
        }
        Instant now = clock.instant();
        repository.replaceFileSuites(fromFiles, now);
        for (StagingSuite s : fromFiles) {
            repository.setDue(s.name(), SuiteSchedule.next(s.cron(), s.zone(), now), now);
        }
        return Outcome.done(fromFiles.size());
    }

    public Outcome<String> remove(String name) {
        return repository.remove(name) ? Outcome.done(name) : Outcome.refused(unknown(name));
    }

    public String unknown(String name) {
        List<String> names = repository.suites().stream().map(StagingSuite::name).toList();
        return "no suite '" + name + "'" + org.breakwater.text.Suggestions.didYouMean(name, names)
                + (names.isEmpty() ? " (no suite is registered: staging suite add)" : "");
    }

    /** Seals {@code value} as secret {@code name} of {@code suite}; refused with no key or another key than the suite's. */
    public Outcome<String> setSecret(String suite, String name, String value) {
        if (repository.suite(suite).isEmpty()) {
            return Outcome.refused(unknown(suite));
        }
        Optional<String> bad = SuiteRules.secretNameProblem(name);
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        if (value.isEmpty() || value.length() > 10_000) {
            return Outcome.refused("a secret's value is 1 to 10,000 characters");
        }
        Optional<String> key = secrets.keyId();
        List<SealedSecret> existing = repository.secrets(suite);
        if (key.isPresent() && existing.stream().anyMatch(s -> !s.keyId().equals(key.get()))) {
            return Outcome.refused("the secrets of " + suite + " were sealed with another key (" + existing.get(0).keyId()
                    + ", this one is " + key.get() + "): use that key, or remove them first; nothing was changed");
        }
        SecretBox.Opened<SealedSecret> sealed = secrets.seal(suite, name, value);
        if (sealed instanceof SecretBox.Opened.Refused<SealedSecret> r) {
            return Outcome.refused(r.reason());
        }
        repository.saveSecret(suite, ((SecretBox.Opened.Done<SealedSecret>) sealed).value(), clock.instant());
        return Outcome.done(name);
    }

    public Outcome<String> removeSecret(String suite, String name) {
        return repository.removeSecret(suite, name) ? Outcome.done(name)
                : Outcome.refused("suite " + suite + " has no secret '" + name + "'");
    }

    /** The names of a suite's secrets (never their values). */
    public List<String> secretNames(String suite) {
        return repository.secrets(suite).stream().map(SealedSecret::name).toList();
    }

    /**
     * A deployment of {@code service} to {@code environment} was recorded: the suites covering that
     * service in that environment become due now, so the schedule inside {@code serve} runs each
     * once at its next tick (on one instance: the due time is taken by compare and set). Their names.
     */
    public List<String> deployed(String service, String environment) {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (StagingSuite s : repository.suites()) {
            if (s.covers(service) && s.environment().equals(environment)) {
                repository.setDue(s.name(), now, now, Due.DEPLOYMENT);
                due.add(s.name());
            }
        }
        return due;
    }

    public Optional<Instant> nextDue(String suite) {
        return repository.nextDue(suite);
    }
}
