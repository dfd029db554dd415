//! How screening rounds unfold: which tiers a candidate answers first, and
//! which come next when a round passes (PRODUCT.md step 6).

/// The tiers of the first round: all at once, or the simplest first.
pub fn first_round(screened: &[u8], all_at_once: bool) -> Vec<u8> {
    if all_at_once {
        screened.to_vec()
    } else {
        screened.first().copied().into_iter().collect()
    }
}

/// The tiers of the next round after a round covering `done` was submitted
/// and `passed` (or not). `None` when the screen is over.
pub fn next_round(screened: &[u8], done: &[u8], passed: bool) -> Option<Vec<u8>> {
    if !passed {
        return None;
    }
    let highest = done.iter().max()?;
    screened.iter().find(|t| *t > highest).map(|t| vec![*t])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_unlock_in_order_only_when_passed() {
        let tiers = [1, 2, 3];
        assert_eq!(first_round(&tiers, false), vec![1]);
        assert_eq!(next_round(&tiers, &[1], true), Some(vec![2]));
        assert_eq!(next_round(&tiers, &[2], true), Some(vec![3]));
        assert_eq!(next_round(&tiers, &[3], true), None);
        assert_eq!(next_round(&tiers, &[1], false), None);
        assert_eq!(next_round(&[1, 3], &[1], true), Some(vec![3]));
    }

    #[test]
    fn all_at_once_is_one_round() {
        assert_eq!(first_round(&[1, 2, 3], true), vec![1, 2, 3]);
        assert_eq!(next_round(&[1, 2, 3], &[1, 2, 3], true), None);
    }
}
