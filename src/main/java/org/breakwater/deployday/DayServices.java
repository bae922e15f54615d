package org.breakwater.deployday;

import org.breakwater.deployday.board.BoardService;
import org.breakwater.deployday.measures.MeasuresService;
import org.breakwater.deployday.postmortem.PostMortemService;
import org.breakwater.deployday.roster.RosterService;

/** The deployment day's roster, board, measures and post-mortem, built together by {@code App.day}. */
public record DayServices(RosterService roster, BoardService board, MeasuresService measures,
                          PostMortemService postmortem) {
}
