//! The pipeline's state machine: which stage moves exist, who may make them,
//! and what to tell a person who tries one that does not (PRODUCT.md steps
//! 6–8, issue 5 point 1).
//!
//! The main path is Applied → Screening → Screen review → Interview → Final
//! conversation → Team decision → Offer → Hired, less the stages the job
//! skips. An active application can also leave to Rejected or Withdrawn.
//! Hired, Rejected and Withdrawn are final.
//!
//! Who may make a move ([`MoveKind`]):
//!
//! | move | Manual | Decision | Candidate | System |
//! |---|---|---|---|---|
//! | to the next enabled stage (not Offer) | yes | | | Applied → Screening, Screening → next |
//! | back to the previous enabled stage (a correction) | yes | | | |
//! | Team decision → Offer | | yes | | |
//! | Offer → Hired (the candidate accepted) | yes | | | |
//! | any active stage → Rejected | yes | yes | | yes |
//! | any active stage → Withdrawn | yes | | yes | |
//!
//! The two system moves on the main path are the ones the screening flow
//! makes by itself: the questionnaire is sent (Applied → Screening) and the
//! candidate submits their answers (Screening → the next enabled stage,
//! Screen review unless the job skips it).
//!
//! An application may sit in a stage that its job has since skipped (the
//! owner changed the settings); it can still move to the enabled stages on
//! either side of it, but nothing can move *into* a skipped stage.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::application::Stage;
use crate::i18n::Message;

/// The main path, in order, before any stage is skipped (also the
/// insight funnel's steps). Rejected and withdrawn end a path.
pub const MAIN_PATH: [Stage; 8] = [
    Stage::Applied,
    Stage::Screening,
    Stage::ScreenReview,
    Stage::Interview,
    Stage::FinalConversation,
    Stage::TeamDecision,
    Stage::Offer,
    Stage::Hired,
];

/// Where a stage sits on [`MAIN_PATH`]; `None` for rejected and withdrawn.
pub fn main_index(stage: Stage) -> Option<usize> {
    MAIN_PATH.iter().position(|s| *s == stage)
}

/// Who or what makes a move; recorded with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// A staff member moved the card (a form or the board).
    Manual,
    /// The outcome of the hiring panel's votes.
    Decision,
    /// The candidate, from their status page (withdrawing).
    Candidate,
    /// Rapport itself (questionnaire sent, answers submitted, automatic decline).
    System,
}

impl MoveKind {
    pub const ALL: [MoveKind; 4] = [
        MoveKind::Manual,
        MoveKind::Decision,
        MoveKind::Candidate,
        MoveKind::System,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MoveKind::Manual => "manual",
            MoveKind::Decision => "decision",
            MoveKind::Candidate => "candidate",
            MoveKind::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<MoveKind> {
        MoveKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for MoveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A job's choice of stages: the ones a small team does not need are skipped.
///
/// Only [`StageSettings::SKIPPABLE`] stages can be skipped; the constructors
/// check it, so a value of this type is always valid. Stored as the list of
/// skipped stages' `as_str()` names (see [`StageSettings::to_list`]); serde
/// (de)serialises it as that list too, validating on the way in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Stage>", into = "Vec<Stage>")]
pub struct StageSettings {
    /// Skippable stages only, without duplicates, in pipeline order.
    skipped: Vec<Stage>,
}

impl StageSettings {
    /// The stages a job may skip.
    pub const SKIPPABLE: [Stage; 3] = [
        Stage::Screening,
        Stage::ScreenReview,
        Stage::FinalConversation,
    ];

    /// Every stage enabled.
    pub fn all_enabled() -> Self {
        Self::default()
    }

    /// Settings skipping these stages; refuses a stage that cannot be skipped.
    pub fn new(skipped: impl IntoIterator<Item = Stage>) -> Result<Self, SettingsError> {
        let mut wanted = Vec::new();
        for stage in skipped {
            if !Self::SKIPPABLE.contains(&stage) {
                return Err(SettingsError::NotSkippable(stage));
            }
            wanted.push(stage);
        }
        let skipped = Self::SKIPPABLE
            .into_iter()
            .filter(|s| wanted.contains(s))
            .collect();
        Ok(Self { skipped })
    }

    /// Parses stage names (`Stage::as_str`, e.g. the values of the checked
    /// boxes of a form). Blank entries are ignored.
    pub fn parse<S: AsRef<str>>(values: &[S]) -> Result<Self, SettingsError> {
        let mut stages = Vec::new();
        for value in values {
            let value = value.as_ref().trim();
            if value.is_empty() {
                continue;
            }
            match Stage::parse(value) {
                Some(stage) => stages.push(stage),
                None => return Err(SettingsError::Unknown(value.to_string())),
            }
        }
        Self::new(stages)
    }

    /// Parses the stored form: names separated by commas (`""` = none skipped).
    pub fn parse_list(list: &str) -> Result<Self, SettingsError> {
        let values: Vec<&str> = list.split(',').collect();
        Self::parse(&values)
    }

    /// The stored form, e.g. `"screening,final_conversation"`.
    pub fn to_list(&self) -> String {
        self.skipped
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The skipped stages, in pipeline order.
    pub fn skipped(&self) -> &[Stage] {
        &self.skipped
    }

    pub fn is_skipped(&self, stage: Stage) -> bool {
        self.skipped.contains(&stage)
    }
}

impl TryFrom<Vec<Stage>> for StageSettings {
    type Error = SettingsError;
    fn try_from(stages: Vec<Stage>) -> Result<Self, Self::Error> {
        Self::new(stages)
    }
}

impl From<StageSettings> for Vec<Stage> {
    fn from(settings: StageSettings) -> Self {
        settings.skipped
    }
}

/// Why some stage settings were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// Not the name of any stage.
    Unknown(String),
    /// A stage that every application must go through.
    NotSkippable(Stage),
}

impl SettingsError {
    /// The sentence to show the person who chose the settings.
    pub fn message(&self) -> Message {
        match self {
            SettingsError::Unknown(name) => {
                Message::new("staff-stage-settings-unknown").arg("name", name)
            }
            SettingsError::NotSkippable(stage) => {
                Message::new("staff-stage-settings-not-skippable").arg("stage", stage.label())
            }
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().english())
    }
}

impl std::error::Error for SettingsError {}

/// The board's columns in order: the enabled stages of the main path (ending
/// with Hired), then Rejected and Withdrawn.
pub fn enabled_stages(settings: &StageSettings) -> Vec<Stage> {
    MAIN_PATH
        .into_iter()
        .filter(|s| !settings.is_skipped(*s))
        .chain([Stage::Rejected, Stage::Withdrawn])
        .collect()
}

/// The next enabled stage on the main path after `from` (`None` from a final
/// stage). Defined for a skipped `from` too.
pub fn next_stage(from: Stage, settings: &StageSettings) -> Option<Stage> {
    let i = main_index(from)?;
    MAIN_PATH[i + 1..]
        .iter()
        .copied()
        .find(|s| !settings.is_skipped(*s))
}

/// The enabled stage before `from` on the main path, where a correction goes
/// back to (`None` from Applied and from the final stages).
pub fn previous_stage(from: Stage, settings: &StageSettings) -> Option<Stage> {
    if !from.is_active() {
        return None;
    }
    let i = main_index(from)?;
    MAIN_PATH[..i]
        .iter()
        .rev()
        .copied()
        .find(|s| !settings.is_skipped(*s))
}

/// Whether the application may move from `from` to `to`, made by `how`,
/// under the job's `settings`. See the module documentation for the rules.
pub fn check_move(
    from: Stage,
    to: Stage,
    how: MoveKind,
    settings: &StageSettings,
) -> Result<(), MoveError> {
    if !from.is_active() {
        return Err(MoveError::Final { from });
    }
    if from == to {
        return Err(MoveError::SameStage { stage: from });
    }
    match to {
        Stage::Withdrawn => {
            return match how {
                MoveKind::Candidate | MoveKind::Manual => Ok(()),
                MoveKind::Decision | MoveKind::System => Err(MoveError::WithdrawIsTheCandidates),
            };
        }
        Stage::Rejected => {
            return match how {
                MoveKind::Manual | MoveKind::Decision | MoveKind::System => Ok(()),
                MoveKind::Candidate => Err(MoveError::CandidateOnlyWithdraws),
            };
        }
        _ => {}
    }
    if settings.is_skipped(to) {
        return Err(MoveError::Skipped { stage: to });
    }
    let next = next_stage(from, settings);
    let previous = previous_stage(from, settings);
    match how {
        MoveKind::Candidate => Err(MoveError::CandidateOnlyWithdraws),
        MoveKind::Decision => {
            if from == Stage::TeamDecision && to == Stage::Offer {
                Ok(())
            } else {
                Err(MoveError::NotADecision { from, to })
            }
        }
        MoveKind::System => {
            let screening_step = (from == Stage::Applied && to == Stage::Screening)
                || (from == Stage::Screening && next == Some(to));
            if screening_step {
                Ok(())
            } else {
                Err(MoveError::NeedsAPerson { from, to })
            }
        }
        MoveKind::Manual => {
            if to == Stage::Offer && from == Stage::TeamDecision {
                Err(MoveError::OfferNeedsDecision)
            } else if next == Some(to) || previous == Some(to) {
                Ok(())
            } else {
                Err(MoveError::NotAdjacent {
                    from,
                    to,
                    next,
                    previous,
                })
            }
        }
    }
}

/// The stages `how` may move an application to from `from`, in board order
/// (for the move form's choices).
pub fn allowed_moves(from: Stage, how: MoveKind, settings: &StageSettings) -> Vec<Stage> {
    enabled_stages(settings)
        .into_iter()
        .filter(|to| check_move(from, *to, how, settings).is_ok())
        .collect()
}

/// A move the state machine refuses. `Display` gives the sentence to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveError {
    /// Hired, Rejected and Withdrawn are final.
    Final { from: Stage },
    /// A move to where the application already is.
    SameStage { stage: Stage },
    /// The job skips the target stage.
    Skipped { stage: Stage },
    /// A manual move that jumps over stages (or to Hired from elsewhere
    /// than Offer): only one step forward or back.
    NotAdjacent {
        from: Stage,
        to: Stage,
        next: Option<Stage>,
        previous: Option<Stage>,
    },
    /// A manual move from Team decision to Offer.
    OfferNeedsDecision,
    /// A `Decision` move other than Team decision → Offer or → Rejected.
    NotADecision { from: Stage, to: Stage },
    /// A `System` move that only a person can make.
    NeedsAPerson { from: Stage, to: Stage },
    /// A `Candidate` move other than withdrawing.
    CandidateOnlyWithdraws,
    /// A `Decision` or `System` move to Withdrawn.
    WithdrawIsTheCandidates,
}

impl MoveError {
    /// The sentence to show the person who tried the move. The stages it
    /// names are in English, the staff pages' language: a message's
    /// variables are words, not messages.
    pub fn message(&self) -> Message {
        match *self {
            MoveError::Final { from } => Message::new("staff-move-final").arg("from", from.label()),
            MoveError::SameStage { stage } => {
                Message::new("staff-move-same-stage").arg("stage", stage.label())
            }
            MoveError::Skipped { stage } => {
                Message::new("staff-move-skipped").arg("stage", stage.label())
            }
            MoveError::NotAdjacent {
                from,
                next,
                previous,
                ..
            } => {
                let way = if from == Stage::TeamDecision {
                    "decision"
                } else if next.is_some() {
                    "next"
                } else {
                    "last"
                };
                let stage = |s: Option<Stage>| s.map(|s| s.label().english());
                Message::new("staff-move-not-adjacent")
                    .arg("way", way)
                    .arg("from", from.label())
                    .arg("next", stage(next).unwrap_or_default())
                    .arg("previous", stage(previous).unwrap_or_else(|| "none".into()))
            }
            MoveError::OfferNeedsDecision => Message::new("staff-move-offer-needs-decision"),
            MoveError::NotADecision { from, to } => Message::new("staff-move-not-a-decision")
                .arg("from", from.label())
                .arg("to", to.label()),
            MoveError::NeedsAPerson { from, to } => Message::new("staff-move-needs-a-person")
                .arg("from", from.label())
                .arg("to", to.label()),
            MoveError::CandidateOnlyWithdraws => {
                Message::new("staff-move-candidate-only-withdraws")
            }
            MoveError::WithdrawIsTheCandidates => {
                Message::new("staff-move-withdraw-is-the-candidates")
            }
        }
    }
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().english())
    }
}

impl std::error::Error for MoveError {}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    /// The settings the exhaustive test runs under, each with its main path
    /// written out by hand.
    fn cases() -> Vec<(StageSettings, Vec<Stage>)> {
        vec![
            (
                StageSettings::all_enabled(),
                vec![
                    Applied,
                    Screening,
                    ScreenReview,
                    Interview,
                    FinalConversation,
                    TeamDecision,
                    Offer,
                    Hired,
                ],
            ),
            (
                StageSettings::new([FinalConversation]).unwrap(),
                vec![
                    Applied,
                    Screening,
                    ScreenReview,
                    Interview,
                    TeamDecision,
                    Offer,
                    Hired,
                ],
            ),
            (
                StageSettings::new([Screening]).unwrap(),
                vec![
                    Applied,
                    ScreenReview,
                    Interview,
                    FinalConversation,
                    TeamDecision,
                    Offer,
                    Hired,
                ],
            ),
            (
                StageSettings::new([ScreenReview]).unwrap(),
                vec![
                    Applied,
                    Screening,
                    Interview,
                    FinalConversation,
                    TeamDecision,
                    Offer,
                    Hired,
                ],
            ),
            (
                StageSettings::new([Screening, ScreenReview, FinalConversation]).unwrap(),
                vec![Applied, Interview, TeamDecision, Offer, Hired],
            ),
        ]
    }

    /// The rules restated over a literal path, without the module's helpers.
    /// `None` where `from` is not on the path (checked by hand below).
    fn expected(from: Stage, to: Stage, how: MoveKind, path: &[Stage]) -> Option<bool> {
        use MoveKind::*;
        let terminal = [Hired, Rejected, Withdrawn];
        if terminal.contains(&from) || from == to {
            return Some(false);
        }
        if to == Withdrawn {
            return Some(how == Candidate || how == Manual);
        }
        if to == Rejected {
            return Some(how != Candidate);
        }
        let Some(j) = path.iter().position(|s| *s == to) else {
            return Some(false); // a skipped target, whoever asks
        };
        let Some(i) = path.iter().position(|s| *s == from) else {
            return None; // sitting in a skipped stage: checked by hand below
        };
        Some(match how {
            Candidate => false,
            Decision => from == TeamDecision && to == Offer,
            System => (from == Applied && to == Screening) || (from == Screening && j == i + 1),
            Manual => to != Offer && (j == i + 1 || j + 1 == i),
        })
    }

    #[test]
    fn every_pair_kind_and_setting_matches_the_table() {
        let mut checked = 0;
        for (settings, path) in cases() {
            for from in Stage::ALL {
                for to in Stage::ALL {
                    for how in MoveKind::ALL {
                        let got = check_move(from, to, how, &settings);
                        let want = expected(from, to, how, &path);
                        if let Some(want) = want {
                            assert_eq!(
                                got.is_ok(),
                                want,
                                "{from:?} -> {to:?} by {how:?} under {:?}: {got:?}",
                                settings.skipped()
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1500, "{checked}");
    }

    #[test]
    fn with_every_stage_enabled_these_are_all_the_allowed_moves() {
        use MoveKind::*;
        let s = StageSettings::all_enabled();
        let mut allowed = Vec::new();
        for from in Stage::ALL {
            for to in Stage::ALL {
                for how in MoveKind::ALL {
                    if check_move(from, to, how, &s).is_ok() {
                        allowed.push((from, to, how));
                    }
                }
            }
        }
        let mut want = vec![
            (Applied, Screening, Manual),
            (Applied, Screening, System),
            (Screening, ScreenReview, Manual),
            (Screening, ScreenReview, System),
            (Screening, Applied, Manual),
            (ScreenReview, Interview, Manual),
            (ScreenReview, Screening, Manual),
            (Interview, FinalConversation, Manual),
            (Interview, ScreenReview, Manual),
            (FinalConversation, TeamDecision, Manual),
            (FinalConversation, Interview, Manual),
            (TeamDecision, Offer, Decision),
            (TeamDecision, FinalConversation, Manual),
            (Offer, Hired, Manual),
            (Offer, TeamDecision, Manual),
        ];
        for from in [
            Applied,
            Screening,
            ScreenReview,
            Interview,
            FinalConversation,
            TeamDecision,
            Offer,
        ] {
            want.push((from, Rejected, Manual));
            want.push((from, Rejected, Decision));
            want.push((from, Rejected, System));
            want.push((from, Withdrawn, Manual));
            want.push((from, Withdrawn, Candidate));
        }
        allowed.sort_by_key(|(f, t, h)| (f.as_str(), t.as_str(), h.as_str()));
        want.sort_by_key(|(f, t, h)| (f.as_str(), t.as_str(), h.as_str()));
        assert_eq!(allowed, want);
    }

    #[test]
    fn an_application_in_a_stage_the_job_now_skips_can_still_leave_it() {
        use MoveKind::*;
        let no_final = StageSettings::new([FinalConversation]).unwrap();
        assert_eq!(
            check_move(FinalConversation, TeamDecision, Manual, &no_final),
            Ok(())
        );
        assert_eq!(
            check_move(FinalConversation, Interview, Manual, &no_final),
            Ok(())
        );
        assert!(check_move(FinalConversation, Offer, Manual, &no_final).is_err());
        assert!(check_move(FinalConversation, Rejected, Manual, &no_final).is_ok());
        assert!(check_move(FinalConversation, Withdrawn, Candidate, &no_final).is_ok());

        let lean = StageSettings::new([Screening, ScreenReview, FinalConversation]).unwrap();
        // questionnaire already sent before the owner turned screening off
        assert_eq!(check_move(Screening, Interview, System, &lean), Ok(()));
        assert_eq!(check_move(Screening, Interview, Manual, &lean), Ok(()));
        assert_eq!(check_move(Screening, Applied, Manual, &lean), Ok(()));
        assert_eq!(
            check_move(Screening, ScreenReview, System, &lean),
            Err(MoveError::Skipped {
                stage: ScreenReview
            })
        );
        assert_eq!(check_move(ScreenReview, Interview, Manual, &lean), Ok(()));
        assert_eq!(check_move(ScreenReview, Applied, Manual, &lean), Ok(()));
        assert!(check_move(ScreenReview, Interview, System, &lean).is_err());
        assert!(check_move(Applied, Screening, System, &lean).is_err());
    }

    #[test]
    fn messages_read_well() {
        use MoveKind::*;
        let s = StageSettings::all_enabled();
        let msg = |from, to, how| check_move(from, to, how, &s).unwrap_err().to_string();
        assert_eq!(
            msg(Hired, Offer, Manual),
            "Hired is final: the application cannot move."
        );
        assert_eq!(
            msg(Withdrawn, Applied, Manual),
            "Withdrawn is final: the application cannot move."
        );
        assert_eq!(
            msg(ScreenReview, TeamDecision, Manual),
            "From Screen review the next step is Interview. It can also go back to Screening \
             to correct a mistake."
        );
        assert!(msg(ScreenReview, TeamDecision, Manual)
            .starts_with("From Screen review the next step is Interview."));
        assert_eq!(
            msg(Applied, Interview, Manual),
            "From Applied the next step is Screening."
        );
        assert_eq!(
            msg(TeamDecision, Offer, Manual),
            "An offer follows the panel's decision: record the votes on the decision page."
        );
        assert!(msg(TeamDecision, Hired, Manual).contains("decision page"));
        assert_eq!(
            msg(Interview, Interview, Manual),
            "The application is already at Interview."
        );
        assert_eq!(
            msg(Interview, Rejected, Candidate),
            "A candidate can only withdraw their application."
        );
        assert_eq!(
            msg(Interview, Withdrawn, System),
            "Only the candidate, or staff on their behalf, can withdraw an application."
        );
        assert_eq!(
            msg(ScreenReview, Interview, System),
            "Only a person can move an application from Screen review to Interview."
        );
        assert!(msg(Interview, Offer, Decision).contains("not from Interview to Offer"));
        let lean = StageSettings::new([FinalConversation]).unwrap();
        assert_eq!(
            check_move(Interview, FinalConversation, Manual, &lean)
                .unwrap_err()
                .message()
                .english(),
            "This job skips the Final conversation stage: turn it back on in the job's \
             settings to use it."
        );
    }

    #[test]
    fn board_columns_and_next_stage() {
        let s = StageSettings::all_enabled();
        assert_eq!(enabled_stages(&s), Stage::ALL.to_vec());
        let lean = StageSettings::new([Screening, FinalConversation]).unwrap();
        assert_eq!(
            enabled_stages(&lean),
            vec![
                Applied,
                ScreenReview,
                Interview,
                TeamDecision,
                Offer,
                Hired,
                Rejected,
                Withdrawn
            ]
        );
        assert_eq!(next_stage(Applied, &lean), Some(ScreenReview));
        assert_eq!(next_stage(Interview, &lean), Some(TeamDecision));
        assert_eq!(next_stage(Offer, &lean), Some(Hired));
        assert_eq!(next_stage(Hired, &lean), None);
        assert_eq!(next_stage(Rejected, &lean), None);
        assert_eq!(previous_stage(Applied, &lean), None);
        assert_eq!(previous_stage(TeamDecision, &lean), Some(Interview));
        assert_eq!(previous_stage(Hired, &lean), None);
        assert_eq!(
            allowed_moves(Interview, MoveKind::Manual, &lean),
            vec![ScreenReview, TeamDecision, Rejected, Withdrawn]
        );
        assert_eq!(
            allowed_moves(TeamDecision, MoveKind::Decision, &lean),
            vec![Offer, Rejected]
        );
        assert!(allowed_moves(Hired, MoveKind::Manual, &lean).is_empty());
    }

    #[test]
    fn settings_parse_and_refuse_clearly() {
        let s = StageSettings::parse(&["final_conversation", " screening ", ""]).unwrap();
        assert_eq!(s.skipped(), &[Screening, FinalConversation]);
        assert_eq!(s.to_list(), "screening,final_conversation");
        assert_eq!(StageSettings::parse_list(&s.to_list()).unwrap(), s);
        assert_eq!(
            StageSettings::parse_list("").unwrap(),
            StageSettings::all_enabled()
        );
        assert_eq!(
            StageSettings::parse_list("screening,screening")
                .unwrap()
                .skipped(),
            &[Screening]
        );
        assert_eq!(
            StageSettings::parse(&["interview"])
                .unwrap_err()
                .to_string(),
            "Interview cannot be skipped: only Screening, Screen review and Final conversation can."
        );
        assert_eq!(
            StageSettings::parse(&["lunch"]).unwrap_err().to_string(),
            "There is no stage called \"lunch\"."
        );
        for stage in Stage::ALL {
            assert_eq!(
                StageSettings::new([stage]).is_ok(),
                matches!(stage, Screening | ScreenReview | FinalConversation)
            );
        }
    }

    #[test]
    fn settings_serde_validates() {
        // serde goes through TryFrom<Vec<Stage>>; exercised without a JSON crate
        let ok: Result<StageSettings, _> = vec![FinalConversation].try_into();
        assert!(ok.is_ok());
        let bad: Result<StageSettings, _> = vec![Offer].try_into();
        assert_eq!(bad, Err(SettingsError::NotSkippable(Offer)));
        let back: Vec<Stage> = ok.unwrap().into();
        assert_eq!(back, vec![FinalConversation]);
    }
}
