//! The hiring panel's decision (PRODUCT.md step 8, issue 5 point 7): each
//! member votes yes or no with a reason; the job's rule turns the votes into
//! an outcome.
//!
//! Unanimous (the default): every member of the panel must vote yes; one no
//! ends it at once ("one doubt and the candidate is out"). Majority: more
//! than half the panel voting yes carries it; once yes can no longer reach a
//! strict majority the candidate is rejected (so a tie rejects).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::FieldError;
use crate::i18n::Message;

pub use super::job::DecisionRule;

/// The most characters a vote's reason may hold.
pub const MAX_REASON_CHARS: usize = 2000;

/// A panel member's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    Yes,
    No,
}

impl Vote {
    pub const ALL: [Vote; 2] = [Vote::Yes, Vote::No];

    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Yes => "yes",
            Vote::No => "no",
        }
    }

    pub fn label(self) -> Message {
        Message::new(match self {
            Vote::Yes => "staff-vote-yes",
            Vote::No => "staff-vote-no",
        })
    }

    pub fn parse(s: &str) -> Option<Vote> {
        let s = s.trim();
        Vote::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Vote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a panel member typed in the vote form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BallotInput {
    pub vote: String,
    pub reason: String,
}

/// A valid vote with its reason (trimmed, 1 to [`MAX_REASON_CHARS`] characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ballot {
    pub vote: Vote,
    pub reason: String,
}

impl Ballot {
    pub fn parse(input: &BallotInput) -> Result<Ballot, Vec<FieldError>> {
        let mut errors = Vec::new();
        let vote = Vote::parse(&input.vote);
        if vote.is_none() {
            errors.push(FieldError::localized("vote", "staff-error-vote-missing"));
        }
        let reason = input.reason.trim();
        let count = reason.chars().count();
        if reason.is_empty() {
            errors.push(FieldError::localized(
                "reason",
                "staff-error-vote-reason-missing",
            ));
        } else if count > MAX_REASON_CHARS {
            errors.push(FieldError::of(
                "reason",
                Message::new("staff-error-vote-reason-long")
                    .count("max", MAX_REASON_CHARS as i64)
                    .count("count", count as i64),
            ));
        }
        match vote {
            Some(vote) if errors.is_empty() => Ok(Ballot {
                vote,
                reason: reason.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// Where the decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Not decided yet: the votes so far and how many panel members have
    /// not voted. `Pending { 0, 0, 0 }` means the panel is empty.
    Pending {
        yes: usize,
        no: usize,
        missing: usize,
    },
    /// The candidate gets an offer.
    Approved,
    /// The candidate is rejected.
    Rejected,
}

impl Outcome {
    pub fn is_decided(self) -> bool {
        !matches!(self, Outcome::Pending { .. })
    }

    /// A sentence for the decision page.
    pub fn message(self) -> Message {
        match self {
            Outcome::Pending {
                yes: 0,
                no: 0,
                missing: 0,
            } => Message::new("staff-decision-outcome-no-panel"),
            Outcome::Pending { yes, no, missing } => Message::new("staff-decision-outcome-pending")
                .count("missing", missing as i64)
                .count("yes", yes as i64)
                .count("no", no as i64),
            Outcome::Approved => Message::new("staff-decision-outcome-approved"),
            Outcome::Rejected => Message::new("staff-decision-outcome-rejected"),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().english())
    }
}

/// The outcome of the votes cast so far by a panel of `panel_size` members
/// under `rule`. `votes` are the current panel members' votes, one each (the
/// caller enforces one vote per member); order does not matter.
pub fn tally(rule: DecisionRule, panel_size: usize, votes: &[Vote]) -> Outcome {
    let yes = votes.iter().filter(|v| **v == Vote::Yes).count();
    let no = votes.len() - yes;
    let missing = panel_size.saturating_sub(votes.len());
    if panel_size == 0 {
        return Outcome::Pending {
            yes: 0,
            no: 0,
            missing: 0,
        };
    }
    match rule {
        DecisionRule::Unanimous => {
            if no > 0 {
                Outcome::Rejected
            } else if yes >= panel_size {
                Outcome::Approved
            } else {
                Outcome::Pending { yes, no, missing }
            }
        }
        DecisionRule::Majority => {
            if yes > panel_size / 2 {
                Outcome::Approved
            } else if no >= panel_size - panel_size / 2 {
                Outcome::Rejected
            } else {
                Outcome::Pending { yes, no, missing }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecisionRule::*;
    use Vote::{No, Yes};

    /// The rule restated on counts: decided as soon as the missing votes
    /// cannot change the result, whichever way they go.
    fn expected(rule: DecisionRule, panel: usize, yes: usize, no: usize) -> Outcome {
        let missing = panel - yes - no;
        let approves = |y: usize, n: usize| match rule {
            Unanimous => n == 0 && y == panel,
            Majority => 2 * y > panel,
        };
        // every way the missing votes could still go
        let futures: Vec<bool> = (0..=missing)
            .map(|extra_yes| approves(yes + extra_yes, no + missing - extra_yes))
            .collect();
        if panel == 0 {
            Outcome::Pending {
                yes: 0,
                no: 0,
                missing: 0,
            }
        } else if futures.iter().all(|a| *a) {
            Outcome::Approved
        } else if futures.iter().all(|a| !*a) {
            Outcome::Rejected
        } else {
            Outcome::Pending { yes, no, missing }
        }
    }

    fn all_sequences(len: usize) -> Vec<Vec<Vote>> {
        (0..1u32 << len)
            .map(|bits| {
                (0..len)
                    .map(|i| if bits >> i & 1 == 1 { Yes } else { No })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_vote_combination_for_panels_of_one_to_six() {
        let mut checked = 0;
        for rule in [Unanimous, Majority] {
            for panel in 1..=6 {
                for cast in 0..=panel {
                    for votes in all_sequences(cast) {
                        let yes = votes.iter().filter(|v| **v == Yes).count();
                        let no = cast - yes;
                        assert_eq!(
                            tally(rule, panel, &votes),
                            expected(rule, panel, yes, no),
                            "{rule:?}, panel {panel}, votes {votes:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 2 * (3 + 7 + 15 + 31 + 63 + 127));
    }

    #[test]
    fn once_decided_more_votes_do_not_change_it() {
        for rule in [Unanimous, Majority] {
            for panel in 1..=6 {
                for votes in all_sequences(panel) {
                    let mut decided = None;
                    for cast in 0..=panel {
                        let outcome = tally(rule, panel, &votes[..cast]);
                        if let Some(d) = decided {
                            assert_eq!(outcome, d, "{rule:?} {panel} {votes:?}");
                        } else if outcome.is_decided() {
                            decided = Some(outcome);
                        }
                    }
                    assert!(decided.is_some(), "all votes in yet undecided: {votes:?}");
                }
            }
        }
    }

    #[test]
    fn the_cases_from_product_md() {
        // "Some teams require 100% of the team to approve every hire: one doubt
        // and the candidate is out."
        assert_eq!(
            tally(Unanimous, 5, &[Yes, Yes, Yes, Yes, No]),
            Outcome::Rejected
        );
        assert_eq!(tally(Unanimous, 5, &[No]), Outcome::Rejected);
        assert_eq!(tally(Unanimous, 5, &[Yes; 5]), Outcome::Approved);
        assert_eq!(
            tally(Unanimous, 5, &[Yes; 4]),
            Outcome::Pending {
                yes: 4,
                no: 0,
                missing: 1
            }
        );
        // majority carries where unanimity would not
        assert_eq!(
            tally(Majority, 5, &[Yes, Yes, Yes, No, No]),
            Outcome::Approved
        );
        assert_eq!(tally(Majority, 5, &[Yes, Yes, Yes]), Outcome::Approved);
        assert_eq!(tally(Majority, 5, &[No, No, No]), Outcome::Rejected);
        // a tie is not a majority
        assert_eq!(tally(Majority, 4, &[Yes, Yes, No, No]), Outcome::Rejected);
        assert_eq!(
            tally(Majority, 4, &[Yes, Yes, No]),
            Outcome::Pending {
                yes: 2,
                no: 1,
                missing: 1
            }
        );
        // a founder alone
        assert_eq!(tally(Unanimous, 1, &[Yes]), Outcome::Approved);
        assert_eq!(tally(Majority, 1, &[No]), Outcome::Rejected);
    }

    #[test]
    fn an_empty_panel_waits_and_says_why() {
        for rule in [Unanimous, Majority] {
            let outcome = tally(rule, 0, &[]);
            assert!(!outcome.is_decided());
            assert!(outcome.message().english().contains("hiring panel"));
            // stray votes with no panel decide nothing
            assert!(!tally(rule, 0, &[Yes, Yes]).is_decided());
        }
        assert_eq!(
            tally(Unanimous, 3, &[Yes]).message().english(),
            "Waiting for 2 more votes (1 yes, 0 no so far)."
        );
        assert_eq!(
            tally(Unanimous, 2, &[Yes]).to_string(),
            "Waiting for 1 more vote (1 yes, 0 no so far)."
        );
    }

    #[test]
    fn ballots_need_a_vote_and_a_reason() {
        let ok = Ballot::parse(&BallotInput {
            vote: "Yes".into(),
            reason: "  Kind and sharp.  ".into(),
        })
        .unwrap();
        assert_eq!(ok.vote, Yes);
        assert_eq!(ok.reason, "Kind and sharp.");
        let errors = Ballot::parse(&BallotInput::default()).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["vote", "reason"]
        );
        let errors = Ballot::parse(&BallotInput {
            vote: "no".into(),
            reason: "x".repeat(MAX_REASON_CHARS + 1),
        })
        .unwrap_err();
        assert_eq!(errors[0].field, "reason");
    }
}
