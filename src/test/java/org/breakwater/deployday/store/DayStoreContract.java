package org.breakwater.deployday.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.breakwater.deployday.board.ChecklistStep;
import org.breakwater.deployday.board.Tick;
import org.breakwater.deployday.board.store.JdbiBoardRepository;
import org.breakwater.deployday.roster.ConfirmLinks;
import org.breakwater.deployday.roster.RosterMember;
import org.breakwater.deployday.roster.RosterRole;
import org.breakwater.deployday.roster.store.JdbiRosterRepository;
import org.breakwater.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster and checklist stores behave the same on every database (subclasses pick one). */
abstract class DayStoreContract {
    static final Instant T = Instant.parse("2014-06-10T12:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbiRosterRepository roster;
    JdbiBoardRepository board;

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dir);
        roster = new JdbiRosterRepository(db.jdbi());
        board = new JdbiBoardRepository(db.jdbi());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void adding_someone_twice_in_one_role_keeps_one_entry_and_another_role_is_another_entry() {
        RosterMember first = roster.add(1, "nirik", RosterRole.FIREFIGHTER, Optional.empty(), "firefighter", T);
        RosterMember again = roster.add(1, "nirik", RosterRole.FIREFIGHTER, Optional.empty(), "again", T.plusSeconds(5));
        roster.add(1, "nirik", RosterRole.OWNER, Optional.empty(), "owns pkgdb", T);
        roster.add(2, "nirik", RosterRole.FIREFIGHTER, Optional.empty(), "other plan", T);
        assertThat(again).isEqualTo(first);
        assertThat(roster.members(1)).extracting(RosterMember::role)
                .containsExactly(RosterRole.FIREFIGHTER, RosterRole.OWNER);
        assertThat(roster.members(1).get(0).reason()).isEqualTo("firefighter");
    }

    @Test
    void a_confirmation_is_kept_once_with_its_time_and_way() {
        RosterMember m = roster.add(1, "tflink", RosterRole.CONTACT, Optional.of("qa"), "contact of qa", T);
        assertThat(roster.confirm(m.id(), T.plusSeconds(60), "login")).isTrue();
        assertThat(roster.confirm(m.id(), T.plusSeconds(120), "cli")).isFalse();
        RosterMember stored = roster.member(m.id()).orElseThrow();
        assertThat(stored.confirmedAt()).contains(T.plusSeconds(60));
        assertThat(stored.confirmedVia()).contains("login");
        assertThat(stored.team()).contains("qa");
    }

    @Test
    void a_confirm_link_works_once_and_only_before_it_expires() {
        RosterMember a = roster.add(1, "ausil", RosterRole.CONTACT, Optional.of("rel-eng"), "rel-eng", T);
        RosterMember b = roster.add(1, "tibbs", RosterRole.CONTACT, Optional.of("cvsadmins"), "cvsadmins", T);
        String ha = ConfirmLinks.hash("token-a");
        String hb = ConfirmLinks.hash("token-b");
        roster.invited(a.id(), T, ha, T.plus(Duration.ofHours(4)));
        roster.invited(b.id(), T, hb, T.plus(Duration.ofHours(4)));
        assertThat(roster.byLink(ha).map(RosterMember::username)).contains("ausil");
        assertThat(roster.byLink(ConfirmLinks.hash("forged"))).isEmpty();
        assertThat(roster.useLink(ha, T.plusSeconds(10))).isTrue();
        assertThat(roster.useLink(ha, T.plusSeconds(20))).as("used already").isFalse();
        assertThat(roster.member(a.id()).orElseThrow().confirmedVia()).contains("link");
        assertThat(roster.useLink(hb, T.plus(Duration.ofHours(5)))).as("expired").isFalse();
        assertThat(roster.member(b.id()).orElseThrow().confirmed()).isFalse();
        assertThat(roster.member(a.id()).orElseThrow().invitedAt()).contains(T);
    }

    @Test
    void a_new_invitation_replaces_the_earlier_link() {
        RosterMember a = roster.add(1, "ausil", RosterRole.CONTACT, Optional.of("rel-eng"), "rel-eng", T);
        roster.invited(a.id(), T, ConfirmLinks.hash("old"), T.plus(Duration.ofHours(4)));
        roster.invited(a.id(), T.plusSeconds(60), ConfirmLinks.hash("new"), T.plus(Duration.ofHours(4)));
        assertThat(roster.useLink(ConfirmLinks.hash("old"), T.plusSeconds(90))).isFalse();
        assertThat(roster.useLink(ConfirmLinks.hash("new"), T.plusSeconds(90))).isTrue();
    }

    @Test
    void the_first_tick_of_a_step_stands() {
        assertThat(board.tick(new Tick(1, ChecklistStep.PRE_CHECKS, "pingou", T, Optional.of("backups")))).isTrue();
        assertThat(board.tick(new Tick(1, ChecklistStep.PRE_CHECKS, "nirik", T.plusSeconds(5), Optional.empty())))
                .isFalse();
        assertThat(board.tick(new Tick(1, ChecklistStep.STARTED_NOTICE, "nirik", T.plusSeconds(9), Optional.empty())))
                .isTrue();
        List<Tick> ticks = board.ticks(1);
        assertThat(ticks).extracting(Tick::by).containsExactly("pingou", "nirik");
        assertThat(ticks.get(0).note()).contains("backups");
        assertThat(ticks.get(0).at()).isEqualTo(T);
        assertThat(board.ticks(2)).isEmpty();
    }
}
