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

/// A range that holds the true value with probability [`CONFIDENCE`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
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

    fn from_value(units: usize, value: Result<f64, Undefined>, interval: impl FnOnce() -> Option<Interval>) -> Self {
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
    pub resamples: usize,
    pub seed: u64,
}

impl Default for Bootstrap {
    fn default() -> Self {
        Self {
            resamples: 1000,
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
    let (mut n, mut sa, mut sb, mut saa, mut sbb, mut sab) = (0i128, 0i128, 0i128, 0i128, 0i128, 0i128);
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
pub fn krippendorff_alpha<R: AsRef<[Option<u8>]>>(units: &[R], metric: Metric) -> Result<f64, Undefined> {
    let c = Coincidences::of(units);
    c.alpha(0..c.per_unit.len(), metric)
}

/// [`krippendorff_alpha`] with a bootstrap interval over the pairable units.
pub fn alpha_statistic<R: AsRef<[Option<u8>]>>(units: &[R], metric: Metric, bootstrap: &Bootstrap) -> Statistic {
    let c = Coincidences::of(units);
    let n = c.per_unit.len();
    Statistic::from_value(n, c.alpha(0..n, metric), || {
        bootstrap_interval(n, bootstrap, |drawn| c.alpha(drawn.iter().copied(), metric).ok())
    })
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
            let mean = |drawn: &mut dyn Iterator<Item = f64>| {
                let (sum, count) = drawn.fold((0.0, 0usize), |(s, c), d| (s + d, c + 1));
                (count > 0).then(|| sum / count as f64)
            };
            let value = mean(&mut differences.iter().copied()).ok_or(Undefined::NoData);
            Leniency {
                rater,
                difference: Statistic::from_value(differences.len(), value, || {
                    bootstrap_interval(differences.len(), bootstrap, |drawn| {
                        mean(&mut drawn.iter().map(|&i| differences[i]))
                    })
                }),
            }
        })
        .collect()
}

fn difference_from_others(unit: &[Option<u8>], rater: usize) -> Option<f64> {
    let own = (*unit.get(rater)?)?;
    let others: Vec<f64> = unit
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != rater)
        .filter_map(|(_, g)| g.map(f64::from))
        .collect();
    if others.is_empty() {
        return None;
    }
    Some(f64::from(own) - others.iter().sum::<f64>() / others.len() as f64)
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
                    let mean = people.iter().map(|&g| f64::from(g)).sum::<f64>() / people.len() as f64;
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
