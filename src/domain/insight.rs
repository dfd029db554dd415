//! How hiring is going (issue 10, items 4 and 5): the funnel, time in each
//! stage, screen pass rates per tier, where candidates come from, how each
//! screening question behaves, and how the automatic screen relates to
//! what interviewers later saw.
//!
//! Pure: `db::insight` gathers compact facts, this module turns them into
//! figures, and the figures are stored as a snapshot (they serialise both
//! ways) so a page reads one row instead of every application.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::agreement::{self, Statistic};
use super::application::Stage;

/// The funnel's steps: the pipeline's main path (one list for both).
pub use super::pipeline::MAIN_PATH as PIPELINE;

/// Where a stage sits in [`PIPELINE`]; `None` for rejected and withdrawn.
pub fn position(stage: Stage) -> Option<usize> {
    super::pipeline::main_index(stage)
}

/// One application, as the figures need it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppFacts {
    pub stage: Stage,
    /// Cleaned `ref`/`utm_source`, '' when the link carried none.
    pub source: String,
    /// Whether its screen passed; `None` before it was scored.
    pub screen_passed: Option<bool>,
    /// Its moves in time order: when it entered which stage (the first is
    /// the application itself, entering "applied").
    pub moves: Vec<(NaiveDateTime, Stage)>,
}

/// One scored answer of a submitted round.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAnswer {
    pub question: String,
    pub tier: u8,
    /// The scorer's answer score in [0, 1].
    pub score: f64,
    pub covered: Vec<String>,
    pub missed: Vec<String>,
}

/// One submitted round: its per-tier verdicts and its answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoundFacts {
    /// (tier, passed) for each tier the round asked.
    pub tiers: Vec<(u8, bool)>,
    pub answers: Vec<ItemAnswer>,
}

/// A decided candidate (hired or rejected) seen by both the screen and the
/// interviewers: mean grades on each side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CalibrationPoint {
    /// Mean of the scorer's empathy grades (0–2) over the screen's answers.
    pub auto_empathy: f64,
    pub auto_curiosity: f64,
    /// Mean of the interviewers' empathy ratings (1–4) on their scorecards.
    pub interview_empathy: f64,
    pub interview_curiosity: f64,
    pub hired: bool,
}

/// Everything the insight pages show.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Insight {
    pub applications: usize,
    pub funnel: Vec<FunnelStep>,
    pub stage_times: Vec<StageTime>,
    /// Days from applying to being hired.
    pub time_to_hire: Option<Spread>,
    pub tiers: Vec<TierPass>,
    pub sources: Vec<SourceCount>,
    pub items: Vec<ItemAnalysis>,
    pub calibration: Calibration,
    /// Per job (filled in by the caller, which knows the jobs).
    #[serde(default)]
    pub jobs: Vec<JobCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobCount {
    pub job_id: String,
    pub title: String,
    pub applied: usize,
    pub hired: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelStep {
    pub stage: Stage,
    /// Applications that got at least this far.
    pub reached: usize,
    /// `reached` over the previous step's; `None` for the first step or
    /// when the previous step is empty.
    pub conversion: Option<f64>,
}

/// A distribution of durations, in days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub n: usize,
    pub median: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageTime {
    pub stage: Stage,
    /// Completed stays only: an application still in a stage has not
    /// finished its time there.
    pub spread: Option<Spread>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TierPass {
    pub tier: u8,
    pub rounds: usize,
    pub passed: usize,
}

impl TierPass {
    pub fn rate(&self) -> f64 {
        ratio(self.passed, self.rounds).unwrap_or(0.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceCount {
    /// '' for applications whose link carried no source.
    pub source: String,
    pub applied: usize,
    pub screen_passed: usize,
    pub hired: usize,
}

/// How one screening question behaves across candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemAnalysis {
    pub question: String,
    /// The question as candidates read it (filled in by the caller, which
    /// knows the questionnaires).
    #[serde(default)]
    pub prompt: String,
    pub tier: u8,
    pub answers: usize,
    /// Mean answer score in [0, 1].
    pub mean: f64,
    /// Corrected item-total correlation: Pearson's r between this answer's
    /// score and the sum of the other answers of the same round. Near 0 or
    /// negative: the question does not separate strong from weak
    /// candidates. `None` with fewer than [`MIN_ITEM_ROUNDS`] rounds or no
    /// variation.
    pub item_rest: Option<f64>,
    /// Key points the scorer looked for that no answer covered.
    pub uncovered: Vec<String>,
}

/// Fewer rounds than this and an item-rest correlation is not shown.
pub const MIN_ITEM_ROUNDS: usize = 5;

/// A rank correlation as stored and shown (see [`agreement::Statistic`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Correlation {
    pub units: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Units needed before a value is shown, when there are too few.
    pub needed: Option<usize>,
}

impl From<Statistic> for Correlation {
    fn from(s: Statistic) -> Self {
        match s {
            Statistic::Estimated(e) => Correlation {
                units: e.units,
                value: Some(e.value),
                low: e.interval.map(|i| i.low),
                high: e.interval.map(|i| i.high),
                needed: None,
            },
            Statistic::NotEnoughData { units, needed } => Correlation {
                units,
                needed: Some(needed),
                ..Default::default()
            },
            Statistic::NoVariation { units } => Correlation {
                units,
                ..Default::default()
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Calibration {
    pub points: Vec<CalibrationPoint>,
    /// Spearman's ρ of the screen's empathy against the interviewers'.
    pub empathy: Correlation,
    pub curiosity: Correlation,
}

/// `part / whole`, `None` when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The `p`th quantile (0..=1) by linear interpolation between order
/// statistics (Hyndman and Fan's type 7, the default of R and numpy);
/// `None` when empty.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Median and 90th percentile of durations in days.
pub fn spread(mut days: Vec<f64>) -> Option<Spread> {
    days.retain(|d| d.is_finite());
    days.sort_by(f64::total_cmp);
    Some(Spread {
        n: days.len(),
        median: quantile(&days, 0.5)?,
        p90: quantile(&days, 0.9)?,
    })
}

fn days_between(from: NaiveDateTime, to: NaiveDateTime) -> f64 {
    (to - from).num_seconds().max(0) as f64 / 86_400.0
}

/// Pearson's correlation; `None` with fewer than two pairs or when either
/// side never varies.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    if sxx <= f64::EPSILON || syy <= f64::EPSILON {
        return None;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// The funnel: how many applications got at least as far as each step of
/// [`PIPELINE`] (their furthest stage, so a job that skips a stage does
/// not lose everyone there), and the conversion from each step to the next.
pub fn funnel(apps: &[AppFacts]) -> Vec<FunnelStep> {
    let mut furthest = [0usize; PIPELINE.len()];
    for a in apps {
        let far = a
            .moves
            .iter()
            .map(|(_, s)| *s)
            .chain(std::iter::once(a.stage))
            .filter_map(position)
            .max()
            .unwrap_or(0);
        furthest[far] += 1;
    }
    let mut reached = [0usize; PIPELINE.len()];
    let mut running = 0;
    for i in (0..PIPELINE.len()).rev() {
        running += furthest[i];
        reached[i] = running;
    }
    PIPELINE
        .iter()
        .enumerate()
        .map(|(i, &stage)| FunnelStep {
            stage,
            reached: reached[i],
            conversion: if i == 0 {
                None
            } else {
                ratio(reached[i], reached[i - 1])
            },
        })
        .collect()
}

/// Time spent in each stage of [`PIPELINE`] before the next move (median
/// and 90th percentile, in days), and the time from applying to hired.
pub fn stage_times(apps: &[AppFacts]) -> (Vec<StageTime>, Option<Spread>) {
    let mut stays: HashMap<Stage, Vec<f64>> = HashMap::new();
    let mut to_hire = Vec::new();
    for a in apps {
        for pair in a.moves.windows(2) {
            let ((from_at, stage), (to_at, _)) = (pair[0], pair[1]);
            stays
                .entry(stage)
                .or_default()
                .push(days_between(from_at, to_at));
        }
        if let (Some((first, _)), Some((hired_at, _))) = (
            a.moves.first(),
            a.moves.iter().find(|(_, s)| *s == Stage::Hired),
        ) {
            to_hire.push(days_between(*first, *hired_at));
        }
    }
    let times = PIPELINE
        .iter()
        .filter(|s| **s != Stage::Hired)
        .map(|&stage| StageTime {
            stage,
            spread: stays.remove(&stage).and_then(spread),
        })
        .collect();
    (times, spread(to_hire))
}

/// Screen pass rate per tier over submitted rounds.
pub fn tier_passes(rounds: &[RoundFacts]) -> Vec<TierPass> {
    let mut by_tier: BTreeMap<u8, TierPass> = BTreeMap::new();
    for (tier, passed) in rounds.iter().flat_map(|r| r.tiers.iter()) {
        let t = by_tier.entry(*tier).or_insert(TierPass {
            tier: *tier,
            rounds: 0,
            passed: 0,
        });
        t.rounds += 1;
        t.passed += usize::from(*passed);
    }
    by_tier.into_values().collect()
}

/// Applications per source, most applications first ('' last among ties).
pub fn sources(apps: &[AppFacts]) -> Vec<SourceCount> {
    let mut by: HashMap<&str, SourceCount> = HashMap::new();
    for a in apps {
        let s = by.entry(a.source.as_str()).or_insert_with(|| SourceCount {
            source: a.source.clone(),
            applied: 0,
            screen_passed: 0,
            hired: 0,
        });
        s.applied += 1;
        s.screen_passed += usize::from(a.screen_passed == Some(true));
        s.hired += usize::from(a.stage == Stage::Hired);
    }
    let mut out: Vec<SourceCount> = by.into_values().collect();
    out.sort_by(|a, b| {
        b.applied
            .cmp(&a.applied)
            .then_with(|| a.source.is_empty().cmp(&b.source.is_empty()))
            .then_with(|| a.source.cmp(&b.source))
    });
    out
}

/// Item analysis of each question asked in the rounds, by tier then id.
pub fn items(rounds: &[RoundFacts]) -> Vec<ItemAnalysis> {
    struct Acc {
        tier: u8,
        scores: Vec<f64>,
        pairs: Vec<(f64, f64)>,
        covered: BTreeMap<String, usize>,
    }
    let mut by: BTreeMap<&str, Acc> = BTreeMap::new();
    for r in rounds {
        let total: f64 = r.answers.iter().map(|a| a.score).sum();
        for a in &r.answers {
            let acc = by.entry(a.question.as_str()).or_insert_with(|| Acc {
                tier: a.tier,
                scores: Vec::new(),
                pairs: Vec::new(),
                covered: BTreeMap::new(),
            });
            acc.scores.push(a.score);
            // The rest of the screen: the round without this answer, so the
            // item does not correlate with itself.
            if r.answers.len() > 1 {
                acc.pairs.push((a.score, total - a.score));
            }
            for k in &a.covered {
                *acc.covered.entry(k.clone()).or_default() += 1;
            }
            for k in &a.missed {
                acc.covered.entry(k.clone()).or_default();
            }
        }
    }
    let mut out: Vec<ItemAnalysis> = by
        .into_iter()
        .map(|(q, acc)| ItemAnalysis {
            question: q.to_string(),
            prompt: String::new(),
            tier: acc.tier,
            answers: acc.scores.len(),
            mean: acc.scores.iter().sum::<f64>() / acc.scores.len().max(1) as f64,
            item_rest: if acc.pairs.len() >= MIN_ITEM_ROUNDS {
                pearson(&acc.pairs)
            } else {
                None
            },
            uncovered: acc
                .covered
                .into_iter()
                .filter(|(_, n)| *n == 0)
                .map(|(k, _)| k)
                .collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then_with(|| a.question.cmp(&b.question))
    });
    out
}

/// The mean of some grades; `None` when there are none.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Spearman's ρ (with its interval) between the screen's and the
/// interviewers' empathy, and the same for curiosity.
pub fn calibration(points: Vec<CalibrationPoint>) -> Calibration {
    let empathy: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (p.auto_empathy, p.interview_empathy))
        .collect();
    let curiosity: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (p.auto_curiosity, p.interview_curiosity))
        .collect();
    Calibration {
        empathy: agreement::spearman_statistic(&empathy).into(),
        curiosity: agreement::spearman_statistic(&curiosity).into(),
        points,
    }
}

/// Every figure, from the facts of one scope.
pub fn compute(apps: &[AppFacts], rounds: &[RoundFacts], points: Vec<CalibrationPoint>) -> Insight {
    let (stage_times, time_to_hire) = stage_times(apps);
    Insight {
        applications: apps.len(),
        funnel: funnel(apps),
        stage_times,
        time_to_hire,
        tiers: tier_passes(rounds),
        sources: sources(apps),
        items: items(rounds),
        calibration: calibration(points),
        jobs: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn app(moves: &[(u32, Stage)], source: &str) -> AppFacts {
        AppFacts {
            stage: moves.last().map(|m| m.1).unwrap_or(Stage::Applied),
            source: source.into(),
            screen_passed: None,
            moves: moves.iter().map(|(d, s)| (day(*d), *s)).collect(),
        }
    }

    fn answer(q: &str, score: f64) -> ItemAnswer {
        ItemAnswer {
            question: q.into(),
            tier: 1,
            score,
            covered: vec![],
            missed: vec![],
        }
    }

    #[test]
    fn quantiles_interpolate_like_numpy() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[3.0], 0.9), Some(3.0));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        // numpy.percentile(range(1, 11), 90) == 9.1
        assert!((quantile(&ten, 0.9).unwrap() - 9.1).abs() < 1e-12);
        let s = spread(vec![4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!((s.n, s.median), (4, 2.5));
        assert!((s.p90 - 3.7).abs() < 1e-12);
        assert_eq!(spread(vec![]), None);
    }

    #[test]
    fn the_funnel_counts_how_far_each_application_got() {
        use Stage::*;
        let apps = vec![
            app(&[(1, Applied)], ""),
            app(&[(1, Applied), (2, Screening), (3, Rejected)], ""),
            app(&[(1, Applied), (2, Screening), (4, ScreenReview)], ""),
            // Screening skipped: still counts as having passed it.
            app(&[(1, Applied), (5, Interview), (9, Hired)], ""),
        ];
        let f = funnel(&apps);
        let reached: Vec<usize> = f.iter().map(|s| s.reached).collect();
        assert_eq!(reached, vec![4, 3, 2, 1, 1, 1, 1, 1]);
        assert_eq!(f[0].conversion, None);
        assert_eq!(f[1].conversion, Some(0.75));
        assert!((f[2].conversion.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f[3].conversion, Some(0.5));
        assert_eq!(f[7].conversion, Some(1.0));
        assert!(funnel(&[])
            .iter()
            .all(|s| s.reached == 0 && s.conversion.is_none()));
    }

    #[test]
    fn time_in_stage_counts_finished_stays_only() {
        use Stage::*;
        let apps = vec![
            app(&[(1, Applied), (2, Screening), (5, ScreenReview)], ""),
            app(
                &[(1, Applied), (4, Screening), (6, Interview), (10, Hired)],
                "",
            ),
        ];
        let (times, hire) = stage_times(&apps);
        let of = |s: Stage| times.iter().find(|t| t.stage == s).unwrap().spread;
        // Applied: 1 and 3 days.
        let applied = of(Applied).unwrap();
        assert_eq!((applied.n, applied.median), (2, 2.0));
        assert!((applied.p90 - 2.8).abs() < 1e-12);
        // Screening: 3 and 2 days.
        assert_eq!(of(Screening).unwrap().median, 2.5);
        // The first is still in screen review: no finished stay.
        assert_eq!(of(ScreenReview), None);
        assert_eq!(of(Interview).unwrap().median, 4.0);
        assert!(times.iter().all(|t| t.stage != Hired));
        let hire = hire.unwrap();
        assert_eq!((hire.n, hire.median, hire.p90), (1, 9.0, 9.0));
    }

    #[test]
    fn pass_rates_and_sources() {
        let rounds = vec![
            RoundFacts {
                tiers: vec![(1, true), (2, false)],
                answers: vec![],
            },
            RoundFacts {
                tiers: vec![(1, false)],
                answers: vec![],
            },
            RoundFacts {
                tiers: vec![(1, true), (3, true)],
                answers: vec![],
            },
        ];
        let t = tier_passes(&rounds);
        assert_eq!(
            t.iter()
                .map(|t| (t.tier, t.passed, t.rounds))
                .collect::<Vec<_>>(),
            vec![(1, 2, 3), (2, 0, 1), (3, 1, 1)]
        );
        assert!((t[0].rate() - 2.0 / 3.0).abs() < 1e-12);

        let mut a = app(&[(1, Stage::Applied), (3, Stage::Hired)], "linkedin");
        a.screen_passed = Some(true);
        let apps = vec![
            app(&[(1, Stage::Applied)], ""),
            app(&[(1, Stage::Applied)], "newsletter"),
            app(&[(1, Stage::Applied)], "linkedin"),
            a,
        ];
        let s = sources(&apps);
        assert_eq!(
            s.iter()
                .map(|s| (s.source.as_str(), s.applied, s.screen_passed, s.hired))
                .collect::<Vec<_>>(),
            vec![
                ("linkedin", 2, 1, 1),
                ("newsletter", 1, 0, 0),
                ("", 1, 0, 0)
            ]
        );
    }

    #[test]
    fn item_analysis_on_a_hand_computed_table() {
        // Five rounds of three questions. q1 follows the rest of the screen
        // exactly; q3 runs against it; q2 never varies.
        let table = [
            (0.0, 0.5, 1.0, 0.2, 0.2),
            (0.25, 0.5, 0.9, 0.3, 0.4),
            (0.5, 0.5, 0.8, 0.4, 0.6),
            (0.75, 0.5, 0.7, 0.5, 0.8),
            (1.0, 0.5, 0.6, 0.6, 1.0),
        ];
        let rounds: Vec<RoundFacts> = table
            .iter()
            .map(|&(q1, q2, q3, q4a, q4b)| RoundFacts {
                tiers: vec![],
                answers: vec![
                    answer("q1", q1),
                    answer("q2", q2),
                    answer("q3", q3),
                    ItemAnswer {
                        covered: if q4a > 0.45 {
                            vec!["refund".into()]
                        } else {
                            vec![]
                        },
                        missed: if q4a > 0.45 {
                            vec!["apology".into()]
                        } else {
                            vec!["apology".into(), "refund".into()]
                        },
                        ..answer("q4", (q4a + q4b) / 2.0)
                    },
                ],
            })
            .collect();
        let items = items(&rounds);
        let of = |q: &str| items.iter().find(|i| i.question == q).unwrap();
        assert_eq!(of("q1").answers, 5);
        assert!((of("q1").mean - 0.5).abs() < 1e-12);
        // Per round q1 rises by 0.25, q3 falls by 0.1, q4 rises by 0.15, q2
        // stays: rest(q1) = 0.5 + q3 + q4 rises by 0.05 (r = 1) and
        // rest(q3) = 0.5 + q1 + q4 rises by 0.4 while q3 falls (r = -1).
        assert!((of("q1").item_rest.unwrap() - 1.0).abs() < 1e-9);
        assert!((of("q3").item_rest.unwrap() + 1.0).abs() < 1e-9);
        assert_eq!(of("q2").item_rest, None, "a constant item separates nobody");
        assert_eq!(of("q4").uncovered, vec!["apology".to_string()]);
        assert!(of("q1").uncovered.is_empty());
        // Too few rounds: no correlation shown.
        assert_eq!(super::items(&rounds[..4])[0].item_rest, None);
    }

    #[test]
    fn pearson_known_values() {
        assert_eq!(pearson(&[]), None);
        assert_eq!(pearson(&[(1.0, 2.0)]), None);
        assert_eq!(pearson(&[(1.0, 2.0), (1.0, 3.0)]), None);
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 0.7745966692 (by hand: sxy 6, sxx 10, syy 6).
        let r = pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0)]).unwrap();
        assert!((r - 6.0 / (60.0f64).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn calibration_says_not_enough_then_estimates() {
        let point = |a: f64, i: f64| CalibrationPoint {
            auto_empathy: a,
            auto_curiosity: 2.0 - a,
            interview_empathy: i,
            interview_curiosity: i,
            hired: i > 2.0,
        };
        let few = calibration(vec![point(1.0, 2.0), point(2.0, 3.0)]);
        assert_eq!(few.empathy.value, None);
        assert_eq!(few.empathy.needed, Some(agreement::MIN_UNITS));
        let many: Vec<CalibrationPoint> = (0..12)
            .map(|i| point(f64::from(i) / 8.0, 1.0 + f64::from(i) / 4.0))
            .collect();
        let c = calibration(many);
        assert!((c.empathy.value.unwrap() - 1.0).abs() < 1e-12);
        assert!((c.curiosity.value.unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(c.points.len(), 12);
        // The snapshot keeps every figure.
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Calibration>(&json).unwrap(), c);
    }

    #[test]
    fn no_data_gives_empty_figures_not_errors() {
        let i = compute(&[], &[], vec![]);
        assert_eq!(i.applications, 0);
        assert!(i.funnel.iter().all(|s| s.reached == 0));
        assert!(i.stage_times.iter().all(|t| t.spread.is_none()));
        assert_eq!(i.time_to_hire, None);
        assert!(i.items.is_empty() && i.tiers.is_empty() && i.sources.is_empty());
        assert_eq!(i.calibration.empathy.value, None);
    }
}
