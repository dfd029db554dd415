//! How far people who grade the same answers agree with each other and with
//! the scorer (issue 10, items 3 and 5): quadratic-weighted Cohen's kappa,
//! Krippendorff's alpha, each rater's leniency, Spearman's rank
//! correlation, and the units people disagree about most.
//!
//! A *unit* is one thing graded (an answer on one dimension). Tables of
//! grades are given unit by unit, one slot per rater, `None` where that
//! rater gave no grade. Grades are small ordinal numbers (0..=k); nothing
//! here needs to know k.
//!
//! Pure: callers gather the grades. Intervals from the bootstrap are
//! deterministic (seeded), so a page shows the same figures on every load.

use serde::Serialize;

/// Fewer usable units than this and a statistic is "not enough data": on a
/// handful of answers a kappa's interval spans most of its range and the
/// point value invites more trust than it deserves.
pub const MIN_UNITS: usize = 10;

/// Confidence level of every interval in this module.
pub const CONFIDENCE: f64 = 0.95;

/// Two-sided standard normal quantile for [`CONFIDENCE`].
const Z_CONFIDENCE: f64 = 1.959_963_984_540_054;

/// Quantiles of the bootstrap distribution that bound the interval.
const LOW_QUANTILE: f64 = 0.025;
const HIGH_QUANTILE: f64 = 0.975;

/// Why a statistic has no value at all on the data given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Undefined {
    /// Nothing to compare: no pairs, or no unit graded by two raters.
    NoData,
    /// Every comparable grade is the same value (or, for a correlation,
    /// one side never varies): agreement is perfect but says nothing about
    /// the raters, since chance alone would produce it.
    NoVariation,
}

/// An approximate [`CONFIDENCE`] confidence interval: bootstrap percentile
/// for kappa, alpha and leniency, Fisher z for Spearman's correlation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound, inclusive.
    pub low: f64,
    /// Upper bound, inclusive.
    pub high: f64,
}

/// A statistic computed on enough units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The statistic on all the units.
    pub value: f64,
    /// Units it was computed on (pairs, or units graded by two or more).
    pub units: usize,
    /// `None` when fewer than half of the bootstrap resamples had a defined
    /// value: the data's variation rests on so few units that an interval
    /// would be an artefact of which ones were drawn.
    pub interval: Option<Interval>,
}

/// The outcome of a statistic as a page should show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Statistic {
    /// Enough units and a defined value.
    Estimated(Estimate),
    /// Fewer than `needed` usable units ("not enough answers yet").
    NotEnoughData { units: usize, needed: usize },
    /// Enough units, but every comparable grade is the same (see
    /// [`Undefined::NoVariation`]).
    NoVariation { units: usize },
}

impl Statistic {
    /// The point value, when there is one.
    pub fn value(&self) -> Option<f64> {
        match self {
            Statistic::Estimated(e) => Some(e.value),
            _ => None,
        }
    }

    fn from_value(
        units: usize,
        value: Result<f64, Undefined>,
        interval: impl FnOnce() -> Option<Interval>,
    ) -> Self {
        if units < MIN_UNITS {
            return Statistic::NotEnoughData {
                units,
                needed: MIN_UNITS,
            };
        }
        match value {
            Ok(value) => Statistic::Estimated(Estimate {
                value,
                units,
                interval: interval(),
            }),
            Err(Undefined::NoVariation) => Statistic::NoVariation { units },
            // Unreachable with units ≥ MIN_UNITS, but "not enough" is the
            // honest answer if it ever happens.
            Err(Undefined::NoData) => Statistic::NotEnoughData {
                units,
                needed: MIN_UNITS,
            },
        }
    }
}

/// How bootstrap intervals are drawn: units are resampled with replacement
/// and the statistic recomputed; the interval is the 2.5th to 97.5th
/// percentile (linear interpolation between order statistics) of the
/// resamples where it is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bootstrap {
    /// How many resamples to draw; 0 gives no interval.
    pub resamples: usize,
    /// Seed of the generator: the same seed and data give the same interval.
    pub seed: u64,
}

impl Default for Bootstrap {
    fn default() -> Self {
        Self {
            resamples: 1000,
            // "RAPPORT!" in ASCII; any fixed value would do.
            seed: 0x5241_5050_4f52_5421,
        }
    }
}

// ---------------------------------------------------------------------------
// Cohen's kappa

/// Quadratic-weighted Cohen's kappa between two raters, one `(a, b)` pair
/// of grades per unit: 1 − observed / chance-expected squared difference,
/// chance taken from each rater's own distribution of grades. Equal to
/// sklearn's `cohen_kappa_score(weights="quadratic")`.
pub fn quadratic_kappa(pairs: &[(u8, u8)]) -> Result<f64, Undefined> {
    kappa_of(pairs.iter().copied())
}

// Integer sums keep "no expected disagreement" an exact test:
// observed = Σ(a−b)²/n and expected = Σᵢ Σⱼ (aᵢ − bⱼ)² / n², so
// kappa = 1 − n·Σ(a−b)² / (n·(Σa² + Σb²) − 2·Σa·Σb).
fn kappa_of(pairs: impl Iterator<Item = (u8, u8)>) -> Result<f64, Undefined> {
    let (mut n, mut sa, mut sb, mut saa, mut sbb, mut sab) =
        (0i128, 0i128, 0i128, 0i128, 0i128, 0i128);
    for (a, b) in pairs {
        let (a, b) = (i128::from(a), i128::from(b));
        n += 1;
        sa += a;
        sb += b;
        saa += a * a;
        sbb += b * b;
        sab += a * b;
    }
    if n == 0 {
        return Err(Undefined::NoData);
    }
    let observed = n * (saa - 2 * sab + sbb);
    let expected = n * (saa + sbb) - 2 * sa * sb;
    if expected == 0 {
        return Err(Undefined::NoVariation);
    }
    Ok(1.0 - observed as f64 / expected as f64)
}

/// [`quadratic_kappa`] with a bootstrap interval over units.
pub fn kappa_statistic(pairs: &[(u8, u8)], bootstrap: &Bootstrap) -> Statistic {
    Statistic::from_value(pairs.len(), quadratic_kappa(pairs), || {
        bootstrap_interval(pairs.len(), bootstrap, |drawn| {
            kappa_of(drawn.iter().map(|&i| pairs[i])).ok()
        })
    })
}

/// The `(a, b)` pairs of the units both raters `a` and `b` graded, for
/// kappa between two reviewers or between a reviewer and the scorer.
pub fn paired_grades<R: AsRef<[Option<u8>]>>(units: &[R], a: usize, b: usize) -> Vec<(u8, u8)> {
    units
        .iter()
        .filter_map(|u| {
            let u = u.as_ref();
            Some(((*u.get(a)?)?, (*u.get(b)?)?))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Krippendorff's alpha

/// How far apart two grades are, for Krippendorff's alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Any two different grades are equally far apart.
    Nominal,
    /// Only the order counts: the distance between two grades grows with
    /// how many grades were given between them.
    Ordinal,
    /// Grades are evenly spaced numbers.
    Interval,
}

/// Each pairable unit's share of the coincidence matrix, so that a
/// bootstrap resample is a sum of rows rather than a recount.
struct Coincidences {
    /// The distinct pairable grades, ascending.
    values: Vec<u8>,
    /// One flattened `values × values` matrix per unit graded by two or more.
    per_unit: Vec<Vec<f64>>,
}

impl Coincidences {
    fn of<R: AsRef<[Option<u8>]>>(units: &[R]) -> Self {
        let pairable: Vec<Vec<u8>> = units
            .iter()
            .map(|u| u.as_ref().iter().flatten().copied().collect::<Vec<u8>>())
            .filter(|g| g.len() >= 2)
            .collect();
        let mut values: Vec<u8> = pairable.iter().flatten().copied().collect();
        values.sort_unstable();
        values.dedup();
        let v = values.len();
        let per_unit = pairable
            .iter()
            .map(|grades| {
                let mut counts = vec![0f64; v];
                for g in grades {
                    counts[values.binary_search(g).unwrap_or_default()] += 1.0;
                }
                let weight = 1.0 / (grades.len() as f64 - 1.0);
                let mut m = vec![0f64; v * v];
                for c in 0..v {
                    for k in 0..v {
                        let same = if c == k { 1.0 } else { 0.0 };
                        m[c * v + k] = counts[c] * (counts[k] - same) * weight;
                    }
                }
                m
            })
            .collect();
        Self { values, per_unit }
    }

    fn alpha(&self, drawn: impl Iterator<Item = usize>, metric: Metric) -> Result<f64, Undefined> {
        let v = self.values.len();
        let mut o = vec![0f64; v * v];
        let mut any = false;
        for i in drawn {
            any = true;
            for (cell, add) in o.iter_mut().zip(&self.per_unit[i]) {
                *cell += add;
            }
        }
        if !any {
            return Err(Undefined::NoData);
        }
        let marginals: Vec<f64> = (0..v).map(|c| o[c * v..(c + 1) * v].iter().sum()).collect();
        if marginals.iter().filter(|&&m| m > 0.0).count() < 2 {
            return Err(Undefined::NoVariation);
        }
        let n: f64 = marginals.iter().sum();
        let (mut observed, mut expected) = (0.0, 0.0);
        for c in 0..v {
            for k in 0..v {
                let d = self.distance(c, k, &marginals, metric);
                observed += o[c * v + k] * d;
                expected += marginals[c] * marginals[k] * d;
            }
        }
        Ok(1.0 - (n - 1.0) * observed / expected)
    }

    /// Squared distance between the `c`-th and `k`-th grades.
    fn distance(&self, c: usize, k: usize, marginals: &[f64], metric: Metric) -> f64 {
        if c == k {
            return 0.0;
        }
        match metric {
            Metric::Nominal => 1.0,
            Metric::Interval => (f64::from(self.values[c]) - f64::from(self.values[k])).powi(2),
            Metric::Ordinal => {
                let (lo, hi) = (c.min(k), c.max(k));
                let between: f64 = marginals[lo..=hi].iter().sum();
                (between - (marginals[lo] + marginals[hi]) / 2.0).powi(2)
            }
        }
    }
}

/// Krippendorff's alpha for any number of raters with missing grades: 1 −
/// observed / expected disagreement over the units graded by two or more
/// raters (the others carry no information about agreement). 1 is perfect
/// agreement, 0 what chance gives.
pub fn krippendorff_alpha<R: AsRef<[Option<u8>]>>(
    units: &[R],
    metric: Metric,
) -> Result<f64, Undefined> {
    let c = Coincidences::of(units);
    c.alpha(0..c.per_unit.len(), metric)
}

/// [`krippendorff_alpha`] with a bootstrap interval over the pairable units.
pub fn alpha_statistic<R: AsRef<[Option<u8>]>>(
    units: &[R],
    metric: Metric,
    bootstrap: &Bootstrap,
) -> Statistic {
    let c = Coincidences::of(units);
    let n = c.per_unit.len();
    Statistic::from_value(n, c.alpha(0..n, metric), || {
        bootstrap_interval(n, bootstrap, |drawn| {
            c.alpha(drawn.iter().copied(), metric).ok()
        })
    })
}

/// Which statistic [`agreement_between`] measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// Two raters: [`quadratic_kappa`].
    QuadraticKappa,
    /// Any other number: [`krippendorff_alpha`] with this metric.
    KrippendorffAlpha { metric: Metric },
}

/// Agreement of a table of grades, with the statistic that measured it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaterAgreement {
    /// How it was measured, for the page to name it.
    pub method: Method,
    /// The value, its interval, or why there is none.
    pub statistic: Statistic,
}

/// Agreement as issue 10 asks for it: quadratic-weighted kappa when the
/// table has exactly two rater slots (two reviewers, or a reviewer and the
/// scorer), Krippendorff's alpha with `metric` for more. Interval alpha is
/// the closer analogue of quadratic kappa (both square the grade
/// difference), ordinal alpha the more cautious reading of 0–2 grades.
pub fn agreement_between<R: AsRef<[Option<u8>]>>(
    units: &[R],
    metric: Metric,
    bootstrap: &Bootstrap,
) -> RaterAgreement {
    let raters = units.iter().map(|u| u.as_ref().len()).max().unwrap_or(0);
    if raters == 2 {
        RaterAgreement {
            method: Method::QuadraticKappa,
            statistic: kappa_statistic(&paired_grades(units, 0, 1), bootstrap),
        }
    } else {
        RaterAgreement {
            method: Method::KrippendorffAlpha { metric },
            statistic: alpha_statistic(units, metric, bootstrap),
        }
    }
}

// ---------------------------------------------------------------------------
// Leniency

/// How much higher one rater grades than the others on the same units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leniency {
    /// The rater's slot in the table.
    pub rater: usize,
    /// Mean over the units this rater shares with at least one other of
    /// (their grade − the mean of the others' grades): positive is more
    /// lenient, negative stricter. Counted on shared units only.
    pub difference: Statistic,
}

/// Each rater's leniency, in slot order. Include the scorer as a slot to
/// compare people against it too.
pub fn leniency<R: AsRef<[Option<u8>]>>(units: &[R], bootstrap: &Bootstrap) -> Vec<Leniency> {
    let raters = units.iter().map(|u| u.as_ref().len()).max().unwrap_or(0);
    (0..raters)
        .map(|rater| {
            let differences: Vec<f64> = units
                .iter()
                .filter_map(|u| difference_from_others(u.as_ref(), rater))
                .collect();
            let value = mean(differences.iter().copied()).ok_or(Undefined::NoData);
            Leniency {
                rater,
                difference: Statistic::from_value(differences.len(), value, || {
                    bootstrap_interval(differences.len(), bootstrap, |drawn| {
                        mean(drawn.iter().map(|&i| differences[i]))
                    })
                }),
            }
        })
        .collect()
}

fn difference_from_others(unit: &[Option<u8>], rater: usize) -> Option<f64> {
    let own = (*unit.get(rater)?)?;
    let others = unit
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != rater)
        .filter_map(|(_, g)| g.map(f64::from));
    Some(f64::from(own) - mean(others)?)
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / count as f64)
}

// ---------------------------------------------------------------------------
// Spearman's rank correlation

/// Spearman's rank correlation of `(x, y)` pairs: Pearson's correlation of
/// their ranks, ties given their average rank. Values must not be NaN.
pub fn spearman(pairs: &[(f64, f64)]) -> Result<f64, Undefined> {
    if pairs.is_empty() {
        return Err(Undefined::NoData);
    }
    let rx = average_ranks(pairs.iter().map(|p| p.0));
    let ry = average_ranks(pairs.iter().map(|p| p.1));
    let n = pairs.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in rx.iter().zip(&ry) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    if sxx == 0.0 || syy == 0.0 {
        return Err(Undefined::NoVariation);
    }
    Ok((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// [`spearman`] with the Fisher z interval: tanh(atanh(ρ) ± z/√(n−3)), as
/// scipy's `pearsonr(...).confidence_interval()` computes on the ranks.
pub fn spearman_statistic(pairs: &[(f64, f64)]) -> Statistic {
    let value = spearman(pairs);
    Statistic::from_value(pairs.len(), value, || {
        let rho = value.ok()?;
        let z = rho.atanh();
        let half = Z_CONFIDENCE / (pairs.len() as f64 - 3.0).sqrt();
        Some(Interval {
            low: (z - half).tanh(),
            high: (z + half).tanh(),
        })
    })
}

fn average_ranks(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let values: Vec<f64> = values.collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Ranks are 1-based: positions start..end hold ranks start+1..=end.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

// ---------------------------------------------------------------------------
// Most disagreement

/// The grades of one unit: the people's (one slot per reviewer) and the
/// scorer's, if it graded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitGrades {
    pub people: Vec<Option<u8>>,
    pub scorer: Option<u8>,
}

/// How much one unit's grades disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// Index of the unit in the input.
    pub unit: usize,
    /// Highest minus lowest grade among the people (0 with fewer than two).
    pub people_spread: u8,
    /// |mean of the people's grades − the scorer's grade|, when both exist.
    pub scorer_gap: Option<f64>,
    /// The larger of the two: what the ranking sorts on.
    pub size: f64,
}

/// Units where grades disagree, largest disagreement first (ties: larger
/// spread between people first, then input order). Units where everyone
/// agrees, or with nothing to compare, are left out.
pub fn most_disagreement(units: &[UnitGrades]) -> Vec<Disagreement> {
    let mut found: Vec<Disagreement> = units
        .iter()
        .enumerate()
        .filter_map(|(unit, u)| {
            let people: Vec<u8> = u.people.iter().flatten().copied().collect();
            let spread = match (people.iter().max(), people.iter().min()) {
                (Some(hi), Some(lo)) => hi - lo,
                _ => 0,
            };
            let scorer_gap = match (u.scorer, people.is_empty()) {
                (Some(s), false) => {
                    let mean =
                        people.iter().map(|&g| f64::from(g)).sum::<f64>() / people.len() as f64;
                    Some((mean - f64::from(s)).abs())
                }
                _ => None,
            };
            let size = f64::from(spread).max(scorer_gap.unwrap_or(0.0));
            (size > 0.0).then_some(Disagreement {
                unit,
                people_spread: spread,
                scorer_gap,
                size,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.size
            .total_cmp(&a.size)
            .then(b.people_spread.cmp(&a.people_spread))
            .then(a.unit.cmp(&b.unit))
    });
    found
}

// ---------------------------------------------------------------------------
// Bootstrap

/// Percentile interval of `statistic` over `resamples` draws of `units`
/// indices with replacement; `None` if fewer than half the draws give a
/// defined value.
fn bootstrap_interval(
    units: usize,
    config: &Bootstrap,
    mut statistic: impl FnMut(&[usize]) -> Option<f64>,
) -> Option<Interval> {
    if units == 0 || config.resamples == 0 {
        return None;
    }
    let mut rng = SplitMix64(config.seed);
    let mut drawn = vec![0usize; units];
    let mut values = Vec::with_capacity(config.resamples);
    for _ in 0..config.resamples {
        for slot in drawn.iter_mut() {
            *slot = rng.below(units);
        }
        if let Some(v) = statistic(&drawn) {
            values.push(v);
        }
    }
    if values.is_empty() || values.len() * 2 < config.resamples {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(Interval {
        low: quantile(&values, LOW_QUANTILE),
        high: quantile(&values, HIGH_QUANTILE),
    })
}

/// Quantile of sorted values, interpolating linearly between order
/// statistics (numpy's default, "type 7").
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// SplitMix64 (Steele, Lea & Flood 2014). A fixed, ten-line generator rather
/// than `rand`'s `StdRng`, whose algorithm may change between versions: a
/// published interval must come out the same after an upgrade, and the
/// tests recompute it in Python with the same generator.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; bias below 2⁻⁵⁰ for the
    /// table sizes here).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(got: f64, want: f64) -> bool {
        (got - want).abs() < EPS
    }

    fn estimate(s: &Statistic) -> &Estimate {
        match s {
            Statistic::Estimated(e) => e,
            other => panic!("expected an estimate, got {other:?}"),
        }
    }

    /// Tables in these tests are written rater by rater, as in
    /// Krippendorff's paper; the module takes them unit by unit.
    fn by_unit<const U: usize>(raters: &[[Option<u8>; U]]) -> Vec<Vec<Option<u8>>> {
        (0..U)
            .map(|u| raters.iter().map(|r| r[u]).collect())
            .collect()
    }

    /// 30 pairs of grades 0..=2 from two raters who mostly agree.
    #[rustfmt::skip]
    const PAIRS_30: [(u8, u8); 30] = [
        (0, 0), (1, 1), (2, 2), (1, 2), (0, 1), (2, 2), (1, 1), (0, 0), (2, 1), (1, 0),
        (2, 2), (0, 0), (1, 1), (2, 2), (0, 2), (1, 1), (2, 1), (0, 0), (1, 2), (2, 2),
        (0, 1), (1, 1), (2, 2), (0, 0), (1, 0), (2, 2), (1, 1), (0, 0), (2, 0), (1, 1),
    ];

    const N: Option<u8> = None;
    const fn g(v: u8) -> Option<u8> {
        Some(v)
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    /// section C: 4 observers × 12 units, values 1..=5, with missing values.
    #[rustfmt::skip]
    fn krippendorff_2011() -> Vec<Vec<Option<u8>>> {
        by_unit(&[
            [g(1), g(2), g(3), g(3), g(2), g(1), g(4), g(1), g(2), N,    N,    N],
            [g(1), g(2), g(3), g(3), g(2), g(2), g(4), g(1), g(2), g(5), N,    g(3)],
            [N,    g(3), g(3), g(3), g(2), g(3), g(4), g(2), g(2), g(5), g(1), N],
            [g(1), g(2), g(3), g(3), g(2), g(4), g(4), g(1), g(2), g(5), g(1), N],
        ])
    }

    /// 3 reviewers × 15 answers graded 0..=2; answer 15 has one grade only.
    #[rustfmt::skip]
    fn three_reviewers() -> Vec<Vec<Option<u8>>> {
        by_unit(&[
            [g(0), g(1), g(2), g(2), g(1), g(0), g(1), g(2), g(0), g(1), g(2), g(1), g(0), g(2), N],
            [g(0), g(1), g(2), g(1), g(1), g(0), g(2), g(2), N,    g(1), g(2), g(0), g(0), N,    g(1)],
            [N,    g(2), g(2), g(2), g(1), g(1), g(1), N,    g(0), g(0), g(2), g(1), g(1), g(2), N],
        ])
    }

    // --- kappa -------------------------------------------------------------

    #[test]
    fn kappa_perfect_inverted_and_chance() {
        assert!(close(
            quadratic_kappa(&[(0, 0), (1, 1), (2, 2), (2, 2)]).unwrap(),
            1.0
        ));
        // Hand: observed Σ(a−b)² = 8 over 2 pairs; expected over all 4
        // cross pairs (0,0),(0,2),(2,0),(2,2) = 8/4 · 2 → kappa = 1 − 4/2.
        assert!(close(quadratic_kappa(&[(0, 2), (2, 0)]).unwrap(), -1.0));
        // Every combination of grades once: the raters are independent by
        // construction, so agreement is exactly what chance gives.
        let crossed: Vec<(u8, u8)> = (0..3).flat_map(|a| (0..3).map(move |b| (a, b))).collect();
        assert!(close(quadratic_kappa(&crossed).unwrap(), 0.0));
    }

    #[test]
    fn kappa_known_values() {
        // Hand-computed in scoring::eval's tests: 2/3.
        let five = [(0, 0), (0, 1), (1, 1), (2, 1), (2, 2)];
        assert!(close(quadratic_kappa(&five).unwrap(), 2.0 / 3.0));
        // scikit-learn 1.9.1 cohen_kappa_score(a, b, weights="quadratic").
        assert!(close(
            quadratic_kappa(&PAIRS_30).unwrap(),
            0.5782073813708261
        ));
        assert!(close(quadratic_kappa(&PAIRS_30[..12]).unwrap(), 0.75));
    }

    #[test]
    fn kappa_edge_cases() {
        assert_eq!(quadratic_kappa(&[]), Err(Undefined::NoData));
        assert_eq!(quadratic_kappa(&[(1, 1); 12]), Err(Undefined::NoVariation));
        // Each rater uses one grade, but not the same one: total disagreement
        // that chance would also give.
        assert!(close(quadratic_kappa(&[(0, 2); 12]).unwrap(), 0.0));
        assert_eq!(
            kappa_statistic(&[], &Bootstrap::default()),
            Statistic::NotEnoughData {
                units: 0,
                needed: MIN_UNITS
            }
        );
        assert_eq!(
            kappa_statistic(&[(1, 1); 12], &Bootstrap::default()),
            Statistic::NoVariation { units: 12 }
        );
        // A value exists on 9 pairs, but a page must not show it.
        assert_eq!(
            kappa_statistic(&PAIRS_30[..MIN_UNITS - 1], &Bootstrap::default()),
            Statistic::NotEnoughData {
                units: MIN_UNITS - 1,
                needed: MIN_UNITS
            }
        );
    }

    #[test]
    fn kappa_equals_scoring_eval_on_the_same_tables() {
        use crate::scoring::eval::quadratic_weighted_kappa;
        let mut rng = SplitMix64(7);
        let mut compared = 0;
        for table in 0..200 {
            let len = 1 + table % 40;
            let pairs: Vec<(u8, u8)> = (0..len)
                .map(|_| {
                    let a = rng.below(3) as u8;
                    // Agree two times in three so that kappas spread over
                    // the whole range rather than cluster around 0.
                    let b = if rng.below(3) > 0 {
                        a
                    } else {
                        rng.below(3) as u8
                    };
                    (a, b)
                })
                .collect();
            let theirs = quadratic_weighted_kappa(&pairs);
            match quadratic_kappa(&pairs) {
                Ok(ours) => {
                    assert!(close(ours, theirs), "{pairs:?}: {ours} vs {theirs}");
                    compared += 1;
                }
                // eval.rs calls an all-identical table perfect agreement.
                Err(Undefined::NoVariation) => assert_eq!(theirs, 1.0, "{pairs:?}"),
                Err(Undefined::NoData) => unreachable!(),
            }
        }
        assert!(compared > 150, "only {compared} tables had a kappa");
        assert!(close(
            quadratic_kappa(&PAIRS_30).unwrap(),
            quadratic_weighted_kappa(&PAIRS_30)
        ));
    }

    #[test]
    fn kappa_bootstrap_interval_matches_reference() {
        // Python: the same SplitMix64 draws (seed 0x5241505052545421, 1000
        // resamples of 30 unit indices), sklearn's quadratic kappa on each,
        // numpy.quantile([...], [0.025, 0.975]) (linear interpolation).
        let e = estimate(&kappa_statistic(&PAIRS_30, &Bootstrap::default())).clone();
        assert_eq!(e.units, 30);
        assert!(close(e.value, 0.5782073813708261));
        let i = e.interval.unwrap();
        assert!(close(i.low, 0.24840164652303387), "{i:?}");
        assert!(close(i.high, 0.8321206467661691), "{i:?}");
    }

    #[test]
    fn bootstrap_is_deterministic_and_narrows_with_more_units() {
        let b = Bootstrap::default();
        let first = kappa_statistic(&PAIRS_30, &b);
        assert_eq!(first, kappa_statistic(&PAIRS_30, &b));
        let other_seed = kappa_statistic(&PAIRS_30, &Bootstrap { seed: 1, ..b });
        assert_ne!(estimate(&first).interval, estimate(&other_seed).interval);
        assert_eq!(estimate(&first).value, estimate(&other_seed).value);

        let fourfold: Vec<(u8, u8)> = PAIRS_30.iter().copied().cycle().take(120).collect();
        let wide = estimate(&first).interval.unwrap();
        let four = estimate(&kappa_statistic(&fourfold, &b)).clone();
        let narrow = four.interval.unwrap();
        assert!(close(four.value, estimate(&first).value));
        assert!(
            narrow.high - narrow.low < 0.75 * (wide.high - wide.low),
            "{narrow:?} vs {wide:?}"
        );
        assert!(narrow.low < four.value && four.value < narrow.high);

        // Perfect agreement in every resample: the interval is a point.
        let perfect: Vec<(u8, u8)> = (0..12).map(|i| (i % 3, i % 3)).collect();
        let p = estimate(&kappa_statistic(&perfect, &b)).interval.unwrap();
        assert!(close(p.low, 1.0) && close(p.high, 1.0), "{p:?}");

        assert_eq!(
            kappa_statistic(&PAIRS_30, &Bootstrap { resamples: 0, ..b }).value(),
            estimate(&first).value.into()
        );
        assert_eq!(
            estimate(&kappa_statistic(
                &PAIRS_30,
                &Bootstrap { resamples: 0, ..b }
            ))
            .interval,
            None
        );
    }

    #[test]
    fn interval_withheld_when_most_resamples_have_no_variation() {
        // Only one of 12 pairs differs: a resample misses it with
        // probability (11/12)^12 ≈ 0.35 — still most resamples are defined.
        let mut pairs = vec![(1u8, 1u8); 12];
        pairs[0] = (0, 2);
        assert!(estimate(&kappa_statistic(&pairs, &Bootstrap::default()))
            .interval
            .is_some());
        // A real bootstrap misses one unit in at most (1 − 1/n)^n < 1/2 of
        // its resamples, so the rule is exercised on a made-up statistic.
        let mut calls = 0;
        let none = bootstrap_interval(12, &Bootstrap::default(), |_| {
            calls += 1;
            (calls % 3 == 0).then_some(0.5)
        });
        assert_eq!(none, None);
        let mut calls = 0;
        let some = bootstrap_interval(12, &Bootstrap::default(), |_| {
            calls += 1;
            (calls % 3 != 0).then_some(0.5)
        });
        assert_eq!(
            some,
            Some(Interval {
                low: 0.5,
                high: 0.5
            })
        );
    }

    #[test]
    fn paired_grades_keeps_units_both_graded() {
        let units = three_reviewers();
        let pairs = paired_grades(&units, 0, 2);
        // Answers 1 and 8 lack rater 2, answer 15 rater 0.
        assert_eq!(pairs.len(), 12);
        assert_eq!(pairs[0], (1, 2));
        assert!(paired_grades(&units, 0, 7).is_empty());
    }

    // --- alpha -------------------------------------------------------------

    #[test]
    fn alpha_reproduces_krippendorffs_example() {
        // Krippendorff (2011) gives nominal 0.743, interval 0.849; the
        // `krippendorff` Python package (0.9.0) gives the full values below
        // and ordinal 0.8153875037548814.
        let d = krippendorff_2011();
        assert!(close(
            krippendorff_alpha(&d, Metric::Nominal).unwrap(),
            0.743421052631579
        ));
        assert!(close(
            krippendorff_alpha(&d, Metric::Ordinal).unwrap(),
            0.8153875037548814
        ));
        assert!(close(
            krippendorff_alpha(&d, Metric::Interval).unwrap(),
            0.8491071428571428
        ));
        // Unit 12 has one value only and does not count.
        let s = alpha_statistic(&d, Metric::Interval, &Bootstrap::default());
        assert_eq!(estimate(&s).units, 11);
    }

    #[test]
    fn alpha_known_values_on_grades_0_to_2() {
        // `krippendorff` Python package 0.9.0, reliability_data rater by rater.
        let d = three_reviewers();
        assert!(close(
            krippendorff_alpha(&d, Metric::Nominal).unwrap(),
            0.4558823529411765
        ));
        assert!(close(
            krippendorff_alpha(&d, Metric::Ordinal).unwrap(),
            0.7189066416040101
        ));
        assert!(close(
            krippendorff_alpha(&d, Metric::Interval).unwrap(),
            0.7109375
        ));
    }

    #[test]
    fn alpha_bootstrap_interval_matches_reference() {
        // Python: the same SplitMix64 draws over the 14 pairable units (in
        // order), `krippendorff.alpha` on each resample (skipped when it
        // has a single value), numpy.quantile at 0.025 and 0.975.
        let d = three_reviewers();
        let b = Bootstrap::default();
        let ordinal = estimate(&alpha_statistic(&d, Metric::Ordinal, &b)).clone();
        assert_eq!(ordinal.units, 14);
        let i = ordinal.interval.unwrap();
        assert!(
            close(i.low, 0.4197045586527294) && close(i.high, 0.8735682151586042),
            "{i:?}"
        );
        let interval = estimate(&alpha_statistic(&d, Metric::Interval, &b))
            .interval
            .unwrap();
        assert!(
            close(interval.low, 0.4576359039190898) && close(interval.high, 0.8559866010077873),
            "{interval:?}"
        );
    }

    #[test]
    fn alpha_perfect_and_chance_agreement() {
        let perfect: Vec<Vec<Option<u8>>> = (0..12u8)
            .map(|u| {
                let v = u % 3;
                vec![g(v), g(v), if u % 2 == 0 { N } else { g(v) }]
            })
            .collect();
        for m in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
            assert!(close(krippendorff_alpha(&perfect, m).unwrap(), 1.0));
        }
        // Every combination of two grades once. Hand: coincidences are 2 in
        // every cell, n_c = 6, n = 18; interval Σoδ² = 2·12, Σn_c·n_k·δ² =
        // 36·12, alpha = 1 − 17·24/432 = 1/18 (nominal: 1 − 17·12/216).
        // Alpha's (n − 1) correction puts chance a hair above 0.
        let crossed: Vec<Vec<Option<u8>>> = (0..3)
            .flat_map(|a| (0..3).map(move |b| vec![g(a), g(b)]))
            .collect();
        assert!(close(
            krippendorff_alpha(&crossed, Metric::Interval).unwrap(),
            1.0 / 18.0
        ));
        assert!(close(
            krippendorff_alpha(&crossed, Metric::Nominal).unwrap(),
            1.0 / 18.0
        ));
    }

    #[test]
    fn alpha_edge_cases() {
        let b = Bootstrap::default();
        let empty: Vec<Vec<Option<u8>>> = Vec::new();
        assert_eq!(
            krippendorff_alpha(&empty, Metric::Ordinal),
            Err(Undefined::NoData)
        );
        assert_eq!(
            alpha_statistic(&empty, Metric::Ordinal, &b),
            Statistic::NotEnoughData {
                units: 0,
                needed: MIN_UNITS
            }
        );
        // One rater: nothing pairs.
        let one_rater: Vec<[Option<u8>; 1]> = (0..20u8).map(|u| [g(u % 3)]).collect();
        assert_eq!(
            krippendorff_alpha(&one_rater, Metric::Interval),
            Err(Undefined::NoData)
        );
        assert_eq!(
            alpha_statistic(&one_rater, Metric::Interval, &b),
            Statistic::NotEnoughData {
                units: 0,
                needed: MIN_UNITS
            }
        );
        // Three raters, but every unit graded by one of them only.
        let single: Vec<[Option<u8>; 3]> = (0..20u8)
            .map(|u| {
                let mut row = [N; 3];
                row[usize::from(u % 3)] = g(u % 3);
                row
            })
            .collect();
        assert_eq!(
            krippendorff_alpha(&single, Metric::Ordinal),
            Err(Undefined::NoData)
        );
        // Everyone uses one grade.
        let one_grade: Vec<[Option<u8>; 3]> = (0..12).map(|_| [g(1), g(1), N]).collect();
        for m in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
            assert_eq!(
                krippendorff_alpha(&one_grade, m),
                Err(Undefined::NoVariation)
            );
        }
        assert_eq!(
            alpha_statistic(&one_grade, Metric::Ordinal, &b),
            Statistic::NoVariation { units: 12 }
        );
        // Grades that pair with nothing do not count as variation.
        let mut lonely = one_grade.clone();
        lonely.push([g(2), N, N]);
        assert_eq!(
            krippendorff_alpha(&lonely, Metric::Ordinal),
            Err(Undefined::NoVariation)
        );
        // Too few pairable units for a page, though alpha exists.
        let few = &three_reviewers()[..9];
        assert!(krippendorff_alpha(few, Metric::Ordinal).is_ok());
        assert_eq!(
            alpha_statistic(few, Metric::Ordinal, &b),
            Statistic::NotEnoughData {
                units: 9,
                needed: MIN_UNITS
            }
        );
    }

    #[test]
    fn agreement_between_picks_kappa_for_two_raters_alpha_for_more() {
        let b = Bootstrap::default();
        let two: Vec<[Option<u8>; 2]> = PAIRS_30.iter().map(|&(a, c)| [g(a), g(c)]).collect();
        let k = agreement_between(&two, Metric::Ordinal, &b);
        assert_eq!(k.method, Method::QuadraticKappa);
        assert_eq!(k.statistic, kappa_statistic(&PAIRS_30, &b));
        let three = three_reviewers();
        let a = agreement_between(&three, Metric::Interval, &b);
        assert_eq!(
            a.method,
            Method::KrippendorffAlpha {
                metric: Metric::Interval
            }
        );
        assert!(close(a.statistic.value().unwrap(), 0.7109375));
        let empty: Vec<Vec<Option<u8>>> = Vec::new();
        assert_eq!(
            agreement_between(&empty, Metric::Ordinal, &b).statistic,
            Statistic::NotEnoughData {
                units: 0,
                needed: MIN_UNITS
            }
        );
    }

    // --- leniency ----------------------------------------------------------

    #[test]
    fn leniency_is_mean_difference_from_the_others() {
        let four = [
            [g(2), g(1), g(1)],
            [g(1), g(0), N],
            [g(2), g(2), g(1)],
            [N, g(1), g(0)],
        ];
        // Hand: rater 0: (2 − 1) + (1 − 0) + (2 − 1.5) over 3 = 5/6;
        // rater 1: (1 − 1.5) + (0 − 1) + (2 − 1.5) + (1 − 0) over 4 = 0;
        // rater 2: (1 − 1.5) + (1 − 2) + (0 − 1) over 3 = −5/6.
        let few = leniency(&four, &Bootstrap::default());
        assert_eq!(few.len(), 3);
        assert_eq!(
            few[0].difference,
            Statistic::NotEnoughData {
                units: 3,
                needed: MIN_UNITS
            }
        );

        let units: Vec<[Option<u8>; 3]> = four.iter().copied().cycle().take(16).collect();
        let l = leniency(&units, &Bootstrap::default());
        let want = [(5.0 / 6.0, 12), (0.0, 16), (-5.0 / 6.0, 12)];
        for (rater, (value, n)) in want.iter().enumerate() {
            assert_eq!(l[rater].rater, rater);
            let e = estimate(&l[rater].difference);
            assert!(close(e.value, *value), "rater {rater}: {e:?}");
            assert_eq!(e.units, *n);
            let i = e.interval.unwrap();
            assert!(i.low <= e.value && e.value <= i.high, "{e:?}");
        }
        // Rater 0's differences are 1, 1 and 0.5: so is any mean of them.
        let i0 = estimate(&l[0].difference).interval.unwrap();
        assert!(
            i0.low >= 0.5 && i0.high <= 1.0 && i0.low < i0.high,
            "{i0:?}"
        );
        let i1 = estimate(&l[1].difference).interval.unwrap();
        assert!(i1.low < 0.0 && i1.high > 0.0, "{i1:?}");

        let empty: Vec<Vec<Option<u8>>> = Vec::new();
        assert!(leniency(&empty, &Bootstrap::default()).is_empty());
        let alone: Vec<[Option<u8>; 1]> = vec![[g(2)]; 12];
        assert_eq!(
            leniency(&alone, &Bootstrap::default())[0].difference,
            Statistic::NotEnoughData {
                units: 0,
                needed: MIN_UNITS
            }
        );
    }

    // --- Spearman ----------------------------------------------------------

    #[test]
    fn spearman_matches_scipy_with_ties() {
        // scipy 1.17.1: spearmanr(x, y).statistic = 0.8278128289434317;
        // pearsonr(rankdata(x), rankdata(y)).confidence_interval(0.95).
        let x = [0.0, 1.0, 2.0, 2.0, 1.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 1.0];
        let y = [1.5, 2.0, 4.0, 3.0, 2.5, 1.0, 3.0, 4.0, 2.0, 2.0, 3.5, 1.0];
        let pairs: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
        let e = estimate(&spearman_statistic(&pairs)).clone();
        assert!(close(e.value, 0.8278128289434317));
        assert_eq!(e.units, 12);
        let i = e.interval.unwrap();
        assert!(
            close(i.low, 0.4837169886224314) && close(i.high, 0.9502613282543488),
            "{i:?}"
        );
    }

    #[test]
    fn spearman_edge_cases() {
        let rising: Vec<(f64, f64)> = (0..12).map(|i| (f64::from(i), f64::from(i * i))).collect();
        assert!(close(spearman(&rising).unwrap(), 1.0));
        let i = estimate(&spearman_statistic(&rising)).interval.unwrap();
        assert!(close(i.low, 1.0) && close(i.high, 1.0), "{i:?}");
        let falling: Vec<(f64, f64)> = rising.iter().map(|&(x, y)| (x, -y)).collect();
        assert!(close(spearman(&falling).unwrap(), -1.0));
        assert_eq!(spearman(&[]), Err(Undefined::NoData));
        let flat: Vec<(f64, f64)> = (0..12).map(|i| (1.0, f64::from(i))).collect();
        assert_eq!(spearman(&flat), Err(Undefined::NoVariation));
        assert_eq!(
            spearman_statistic(&flat),
            Statistic::NoVariation { units: 12 }
        );
        assert_eq!(
            spearman_statistic(&rising[..5]),
            Statistic::NotEnoughData {
                units: 5,
                needed: MIN_UNITS
            }
        );
    }

    #[test]
    fn average_ranks_share_ties() {
        assert_eq!(
            average_ranks([3.0, 1.0, 3.0, 2.0].into_iter()),
            vec![3.5, 1.0, 3.5, 2.0]
        );
    }

    // --- most disagreement -------------------------------------------------

    #[test]
    fn most_disagreement_ranks_spread_and_scorer_gap() {
        let u = |people: &[Option<u8>], scorer| UnitGrades {
            people: people.to_vec(),
            scorer,
        };
        let units = [
            u(&[g(2), g(2)], g(2)),    // all agree: left out
            u(&[g(0), g(2)], g(1)),    // spread 2, gap 0
            u(&[g(1), g(1)], None),    // agree, no scorer: left out
            u(&[g(2), N, g(2)], g(0)), // spread 0, gap 2
            u(&[g(1), g(2)], g(0)),    // spread 1, gap 1.5
            u(&[N], g(1)),             // nothing to compare: left out
            u(&[g(1)], g(2)),          // gap 1
        ];
        let ranked = most_disagreement(&units);
        let order: Vec<usize> = ranked.iter().map(|d| d.unit).collect();
        assert_eq!(order, vec![1, 3, 4, 6]);
        assert_eq!(ranked[0].people_spread, 2);
        assert_eq!(ranked[0].scorer_gap, Some(0.0));
        assert_eq!(ranked[1].scorer_gap, Some(2.0));
        assert!(close(ranked[2].size, 1.5));
        assert_eq!(ranked[3].people_spread, 0);
        assert!(most_disagreement(&[]).is_empty());
    }

    #[test]
    fn statistics_serialise_for_templates() {
        let json = serde_json::to_value(Statistic::NotEnoughData {
            units: 3,
            needed: MIN_UNITS,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "not_enough_data", "units": 3, "needed": 10})
        );
        let json = serde_json::to_value(kappa_statistic(&PAIRS_30, &Bootstrap::default())).unwrap();
        assert_eq!(json["kind"], "estimated");
        assert_eq!(json["units"], 30);
        assert!(json["interval"]["low"].as_f64().unwrap() < json["value"].as_f64().unwrap());
    }
}
