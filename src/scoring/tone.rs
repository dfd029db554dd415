//! Tone flags: blame, sarcasm/condescension, rhetorical or accusatory
//! questions, shouting, and link-only or one-line brush-offs.
//!
//! Blame, sarcasm, rhetorical questions and shouting are put-downs: they
//! cancel any politeness in the same answer (empathy 0, as the grading guide
//! says) and cost a penalty on the answer score.

use std::ops::Range;

use regex::bytes::Regex;

use super::text::{rx, Folded, Rule, RuleSet};
use super::types::{Dimension, Evidence, EvidenceKind as K, Lang, ToneFlag};

/// Penalty subtracted from the answer score for each flag present.
pub fn penalty(flag: ToneFlag) -> f64 {
    match flag {
        ToneFlag::Blame => 0.30,
        ToneFlag::Sarcasm => 0.30,
        ToneFlag::Rhetorical => 0.20,
        ToneFlag::Shouting => 0.20,
        ToneFlag::BrushOff => 0.15,
    }
}

/// Flags that are put-downs and cancel politeness.
pub fn is_put_down(flag: ToneFlag) -> bool {
    !matches!(flag, ToneFlag::BrushOff)
}

pub fn flag_of(kind: K) -> Option<ToneFlag> {
    Some(match kind {
        K::Blame => ToneFlag::Blame,
        K::Sarcasm => ToneFlag::Sarcasm,
        K::Rhetorical => ToneFlag::Rhetorical,
        K::Shouting => ToneFlag::Shouting,
        K::BrushOff => ToneFlag::BrushOff,
        _ => return None,
    })
}

const FAIL_VERBS_EN: &str = r"(?:read|check(?:ed)?|look(?:ed)?|deactivated?|activated?|follow(?:ed)?|test(?:ed)?|backed up|back(?:ed)? up|update[d]?|upgraded?|renew(?:ed)?|paid|known|noticed?|asked|contacted|done|used|installed|configured|cleared|saved|thought|searched)";
const FAIL_VERBS_FR: &str = r"(?:lire|lu|verifier|verifie|desactiver|desactive|activer|active|suivre|suivi|regarder|regarde|sauvegarder|faire|fait|penser|pense|cliquer|mettre|renouveler|payer|tester|chercher|consulter|contacter)";

pub struct ToneDetector {
    en: RuleSet,
    fr: RuleSet,
    url: Regex,
}

impl Default for ToneDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// What the tone pass found (before the brush-off check).
#[derive(Debug, Default)]
pub struct ToneFindings {
    pub evidence: Vec<Evidence>,
    /// Folded spans of rhetorical/accusatory questions (curiosity skips them).
    pub rhetorical: Vec<Range<usize>>,
    pub put_down: bool,
}

impl ToneDetector {
    pub fn new() -> Self {
        let blame_en = format!(
            r"you (?:should|shouldn't|should not|could|ought to) (?:have|'ve) (?:just |simply |first |already )?{FAIL_VERBS_EN}"
        );
        let blame_fr = format!(
            r"(?:vous auriez (?:du|pu|simplement du)|il (?:fallait|aurait fallu)|tu aurais du) (?:d'abord |simplement |bien )?{FAIL_VERBS_FR}"
        );
        let not_fr = format!(r"vous n'avez (?:pas|meme pas|jamais) (?:bien )?{FAIL_VERBS_FR}");
        let en = vec![
            Rule::new(
                K::Blame,
                -1.0,
                "blames the customer",
                &[
                    &blame_en,
                    r"you (?:forgot|failed|didn't bother|did not bother|didn'?t (?:read|follow|check|activate|deactivate|look)|did not (?:read|follow|check)|never (?:read|checked))",
                    r"(?:it's|it is|that's|that is|this is) (?:clearly |obviously |entirely |really )?(?:your|the customer's) (?:own )?(?:fault|mistake|problem)",
                    r"your (?:own )?fault",
                    r"user error",
                    r"pebkac",
                    r"(?:it |this )?works? (?:fine |perfectly )?for (?:everyone|everybody|all (?:other|our) (?:users|customers)) else",
                    r"works? (?:fine|perfectly) for (?:everyone|everybody)",
                    r"(?:the )?(?:problem|issue) is (?:probably |clearly |obviously |likely |definitely )?(?:on your (?:side|end)|your (?:theme|host|hosting|server|setup|site|code|config\w*|computer|browser))",
                    r"(?:that's|it's|this is) (?:a problem with |an issue with |because of )?your (?:theme|host|hosting|server|setup|code|config\w*)",
                    r"not (?:our|my) (?:problem|fault|responsibility|issue)",
                    r"(?:our|the) (?:plugin|app|product|extension|widget|api|software) (?:is not|isn't|is definitely not) (?:slow|broken|buggy|the (?:problem|issue|cause)|at fault|to blame)",
                    r"most (?:people|users|customers) who (?:write|ask|contact|complain)\w*",
                    r"(?:it's|it is) (?:written|explained|stated|documented) (?:clearly )?in the (?:docs|documentation|faq|manual|terms|guide)",
                ],
            ),
            Rule::new(
                K::Sarcasm,
                -1.0,
                "sarcastic or condescending",
                &[
                    r"calm down",
                    r"relax,",
                    r"(?:as|like) i (?:already |have already |'ve already )?(?:said|told you|explained|mentioned|wrote)",
                    r"i (?:have|'ve) already (?:answered|told|explained|said|replied)",
                    r"(?:already answered you|already told you|already explained)",
                    r"for the (?:second|third|fourth|last|umpteenth|nth|hundredth) time",
                    r"(?:obviously|clearly|apparently),? you (?:didn't|did not|don't|do not|haven't|have not|can't|never|forgot|missed)",
                    r"you (?:obviously|clearly|apparently) (?:didn't|did not|don't|do not|haven't|can't)",
                    r"not rocket science",
                    r"(?:it's|it is|this is|that's) not (?:that |so )?(?:hard|difficult|complicated)",
                    r"(?:it's|it is) (?:pretty |quite |really )?obvious",
                    r"(?:just|simply|go) read (?:the|our)",
                    r"please read (?:the|our) (?:docs|documentation|manual|faq|terms|instructions|guide|policy) ?[.!]",
                    r"please read (?:the|our) (?:docs|documentation|manual|faq|terms|instructions|guide|policy) ?$",
                    r"read (?:the|our) (?:docs|documentation|manual|faq|terms|instructions|guide) (?:before|first)",
                    r"before contacting (?:support|us)",
                    r"thanks for nothing",
                    r"good luck with that",
                    r"nice try",
                    r"with all due respect",
                    r"no offen[cs]e,? but",
                    r"(?:i'm |i am |we're |we are )?sorry (?:if |that )?you feel (?:that way|like that|this way)",
                    r"sorry,? but (?:you|that's your|it's your|this is your)",
                    r"(?:but |and )you should (?:have|'ve)",
                    r"congratulations,? you",
                    r"rtfm",
                    r"learn to read",
                ],
            ),
            Rule::new(
                K::Rhetorical,
                -1.0,
                "rhetorical or accusatory question",
                &[
                    r"did you (?:even|actually|really|ever|bother|not)\b[^.?!]*\?",
                    r"have you (?:even|actually|really|ever bothered|bothered|tried reading)\b[^.?!]*\?",
                    r"(?:didn't|did not|haven't|have not|can't|cannot|don't|do not) you (?:read|see|check|notice|know|understand)\b[^.?!]*\?",
                    r"(?:did|have) you (?:read|checked|opened|looked at) (?:the|our) (?:docs|documentation|faq|manual|guide|terms)\b[^.?!]*\?",
                    r"(?:is|was) (?:it|that) (?:really )?(?:that|so) (?:hard|difficult|complicated)\b[^.?!]*\?",
                    r"what (?:else )?did you expect\b[^.?!]*\?",
                    r"how many times\b[^.?!]*\?",
                    r"why (?:didn't|did not|don't|haven't|wouldn't|would) you\b[^.?!]*\?",
                    r"(?:seriously|really)\s*\?",
                    r"are you (?:serious|kidding|joking)\b[^.?!]*\?",
                    r"do you (?:even|really) (?:know|read|understand)\b[^.?!]*\?",
                ],
            ),
        ];
        let fr = vec![
            Rule::new(
                K::Blame,
                -1.0,
                "blames the customer",
                &[
                    &blame_fr,
                    &not_fr,
                    r"c'est (?:de )?votre faute",
                    r"(?:c'est|c'etait) (?:votre|ton) (?:hebergement|hebergeur|theme|serveur|site|code|configuration|probleme|installation|navigateur) qui",
                    r"(?:ca|cela) (?:fonctionne|marche) (?:tres bien |tres bien |parfaitement |tres )?(?:pour|chez) tout le monde",
                    r"(?:le probleme|ca|cela) vient (?:de chez vous|de votre|forcement de)",
                    r"ce n'est pas (?:notre|mon) (?:probleme|souci|faute|responsabilite)",
                    r"(?:notre|l'|cette) (?:extension|application|appli|module|plugin|api) n'est (?:pas|absolument pas) (?:lente|en cause|responsable|le probleme|bugguee|boguee|cassee)",
                    r"c'est (?:ecrit|indique|explique) (?:noir sur blanc )?dans (?:la|notre) (?:doc|documentation|faq|notice)",
                    r"erreur de (?:l'utilisateur|manipulation de votre part)",
                ],
            ),
            Rule::new(
                K::Sarcasm,
                -1.0,
                "sarcastic or condescending",
                &[
                    r"calmez-vous",
                    r"du calme",
                    r"comme (?:je l'ai|je vous l'ai|deja) (?:deja )?(?:dit|explique|ecrit|precise|indique)",
                    r"je vous (?:l')?ai deja (?:repondu|dit|explique|ecrit)",
                    r"pour la (?:deuxieme|troisieme|enieme|derniere|centieme) fois",
                    r"(?:evidemment|manifestement|visiblement|apparemment),? vous (?:n'|ne )",
                    r"ce n'est (?:pourtant )?pas (?:sorcier|si complique|complique|difficile|si difficile)",
                    r"c'est pourtant (?:simple|facile|clair|ecrit)",
                    r"(?:il )?suffi(?:t|sait) de lire",
                    r"lisez (?:donc |simplement |d'abord )?(?:la|notre) (?:doc|documentation|faq|notice|conditions)",
                    r"merci de lire (?:la|notre) (?:doc|documentation|faq|notice|conditions)",
                    r"avant de contacter (?:le support|le service client|nous)",
                    r"bonne chance",
                    r"merci pour rien",
                    r"desole (?:que|si) vous (?:le prenez|le preniez|vous sentez|pensez|le voyez)",
                    r"desole,? mais (?:vous|c'est votre|c'est de votre)",
                    r"mais il fallait",
                    r"sans vouloir vous vexer",
                ],
            ),
            Rule::new(
                K::Rhetorical,
                -1.0,
                "rhetorical or accusatory question",
                &[
                    r"(?:avez-vous|vous avez|as-tu|tu as) (?:seulement|meme|vraiment|au moins|bien) (?:lu|essaye|verifie|regarde|pense|clique|active|desactive|consulte)\b[^.?!]*\?",
                    r"(?:avez-vous|vous avez) (?:lu|consulte) (?:la|notre) (?:doc|documentation|faq|notice)\b[^.?!]*\?",
                    r"(?:est-ce|c'est) (?:vraiment |donc )?(?:si|tellement|aussi) (?:difficile|complique|dur)\b[^.?!]*\?",
                    r"(?:vous n'avez pas|n'avez-vous pas|vous n'avez meme pas) (?:lu|vu|regarde|verifie|compris)\b[^.?!]*\?",
                    r"pourquoi (?:n'avez-vous pas|vous n'avez pas|ne pas avoir)\b[^.?!]*\?",
                    r"combien de fois\b[^.?!]*\?",
                    r"serieusement\s*\?",
                    r"vous plaisantez\b[^.?!]*\?",
                    r"(?:qu'est-ce que vous|que) (?:croyiez|pensiez|imaginiez)-?(?:vous)?\b[^.?!]*\?",
                    r"a quoi vous (?:vous )?attendiez-vous\b[^.?!]*\?",
                ],
            ),
        ];
        ToneDetector {
            en: RuleSet::new(en),
            fr: RuleSet::new(fr),
            url: rx(
                r"(?:https?://|www\.)[^\s]+|\b[a-z0-9-]+\.(?:com|org|net|io|fr|dev|app)/[^\s]*",
            ),
        }
    }

    /// Blame, sarcasm, rhetorical questions and shouting.
    pub fn detect(&self, orig: &str, f: &Folded, langs: &[Lang]) -> ToneFindings {
        let mut out = ToneFindings::default();
        let hay = f.as_str().as_bytes();
        for &lang in langs {
            let rules = match lang {
                Lang::En => &self.en,
                Lang::Fr => &self.fr,
            };
            for rule in rules.matching(hay) {
                for m in rule.re.find_iter(hay) {
                    let flag = flag_of(rule.kind).expect("tone rule");
                    if rule.kind == K::Rhetorical {
                        out.rhetorical.push(m.range());
                    }
                    out.put_down = true;
                    out.evidence.push(Evidence {
                        kind: rule.kind,
                        dimension: Dimension::Tone,
                        label: rule.label.to_string(),
                        span: f.orig(m.range()),
                        weight: -penalty(flag),
                    });
                }
            }
        }
        if let Some(span) = shouting(orig) {
            out.put_down = true;
            out.evidence.push(Evidence {
                kind: K::Shouting,
                dimension: Dimension::Tone,
                label: "shouting (capitals or repeated !?)".into(),
                span,
                weight: -penalty(ToneFlag::Shouting),
            });
        }
        out
    }

    /// Folded spans of URLs.
    pub fn urls(&self, f: &Folded) -> Vec<Range<usize>> {
        self.url
            .find_iter(f.as_str().as_bytes())
            .map(|m| m.range())
            .collect()
    }

    /// A link-only or one-line brush-off: a short answer that carries no
    /// courtesy and asks nothing. `courtesy` is the raw empathy total before
    /// cancellation, `probes` the raw curiosity total.
    pub fn brush_off(&self, f: &Folded, courtesy: f64, probes: f64) -> Option<Evidence> {
        if courtesy > 0.0 || probes > 0.0 {
            return None;
        }
        let text = f.as_str();
        let urls = self.urls(f);
        let mut stripped = String::with_capacity(text.len());
        let mut last = 0;
        for u in &urls {
            stripped.push_str(&text[last..u.start]);
            stripped.push(' ');
            last = u.end;
        }
        stripped.push_str(&text[last..]);
        let words = super::text::words(&stripped).len();
        let sentences = super::text::sentences(&stripped).len();
        let label = if !urls.is_empty() && words <= 25 {
            "link-only brush-off"
        } else if words <= 20 && sentences <= 2 {
            "one-line brush-off"
        } else {
            return None;
        };
        let all = super::text::sentences(text);
        let span = match (all.first(), all.last()) {
            (Some(a), Some(b)) => f.orig(a.start..b.end),
            _ => return None,
        };
        Some(Evidence {
            kind: K::BrushOff,
            dimension: Dimension::Tone,
            label: label.into(),
            span,
            weight: -penalty(ToneFlag::BrushOff),
        })
    }
}

const ACRONYMS: &[&str] = &[
    "API", "URL", "URLS", "PHP", "FAQ", "VAT", "TVA", "CSS", "HTML", "SDK", "SEO", "CMS", "SSL",
    "TLS", "DNS", "PDF", "CSV", "JSON", "XML", "HTTP", "HTTPS", "GDPR", "RGPD", "RTL", "UTF",
    "SQL", "SMTP", "IMAP", "CDN", "AWS", "WP", "CEO", "CTO", "ASAP", "USD", "EUR", "SMS", "FTP",
    "SSH", "IOS", "MAC", "CPU", "RAM", "UI", "UX", "OK", "IP", "JS", "NPM", "WOO", "SKU", "PNG",
    "JPG", "GIF", "SVG", "ID", "IDS", "CORS", "REST", "SAML", "SSO", "OAUTH",
];

/// Shouting: three or more all-capital words (not acronyms), or a run of
/// three or more `!`/`?`. Returns the span from the first to the last hit.
fn shouting(orig: &str) -> Option<Range<usize>> {
    let mut hits: Vec<Range<usize>> = Vec::new();
    let mut words = 0usize;
    let mut start = None;
    for (i, c) in orig
        .char_indices()
        .chain(std::iter::once((orig.len(), ' ')))
    {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            words += 1;
            let w = &orig[s..i];
            let letters = w.chars().count();
            if letters >= 3
                && w.chars().all(|c| c.is_uppercase())
                && !ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(w))
            {
                hits.push(s..i);
            }
        }
    }
    let caps = hits.len();
    let mut span = if caps >= 3 || (caps >= 2 && caps * 3 >= words) {
        Some(hits[0].start..hits[caps - 1].end)
    } else {
        None
    };
    if span.is_none() {
        let b = orig.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if matches!(b[i], b'!' | b'?') {
                let s = i;
                while i < b.len() && matches!(b[i], b'!' | b'?') {
                    i += 1;
                }
                if i - s >= 3 {
                    span = Some(s..i);
                    break;
                }
            } else {
                i += 1;
            }
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(text: &str, lang: Lang) -> Vec<K> {
        let d = ToneDetector::new();
        let f = Folded::new(text);
        d.detect(text, &f, &[lang])
            .evidence
            .into_iter()
            .map(|e| e.kind)
            .collect()
    }

    #[test]
    fn blame_en() {
        assert!(flags(
            "You should have deactivated the license before moving.",
            Lang::En
        )
        .contains(&K::Blame));
        assert!(flags(
            "It works for everyone else, so the problem is probably your theme.",
            Lang::En
        )
        .contains(&K::Blame));
        assert!(
            flags("Honestly, that's your fault for not updating.", Lang::En).contains(&K::Blame)
        );
        // neutral uses of the same words
        assert!(flags("You should have received an email with your key.", Lang::En).is_empty());
        assert!(flags("The problem is on our side, I'm fixing it now.", Lang::En).is_empty());
    }

    #[test]
    fn blame_fr() {
        assert!(flags("Vous auriez dû désactiver la licence avant.", Lang::Fr).contains(&K::Blame));
        assert!(flags(
            "Notre extension n'est pas lente, c'est votre hébergement qui est mauvais.",
            Lang::Fr
        )
        .contains(&K::Blame));
        assert!(flags("Ça marche chez tout le monde.", Lang::Fr).contains(&K::Blame));
        assert!(flags(
            "Vous auriez dû recevoir un e-mail de confirmation.",
            Lang::Fr
        )
        .is_empty());
    }

    #[test]
    fn sarcasm_and_put_downs() {
        assert!(flags(
            "Thanks for your patience, but you should have read the docs.",
            Lang::En
        )
        .contains(&K::Sarcasm));
        assert!(flags("Calm down, we are not ignoring anyone.", Lang::En).contains(&K::Sarcasm));
        assert!(flags(
            "Please read the documentation before contacting support.",
            Lang::En
        )
        .contains(&K::Sarcasm));
        assert!(flags(
            "Merci de votre patience, mais il fallait lire la doc.",
            Lang::Fr
        )
        .contains(&K::Blame));
        assert!(flags(
            "Comme je vous l'ai déjà dit, la facture est correcte.",
            Lang::Fr
        )
        .contains(&K::Sarcasm));
        assert!(flags(
            "You can read more in our guide whenever you like.",
            Lang::En
        )
        .is_empty());
        assert!(flags(
            "Merci de votre patience, je reviens vers vous demain.",
            Lang::Fr
        )
        .is_empty());
    }

    #[test]
    fn rhetorical_questions() {
        assert!(flags("Did you even read the docs?", Lang::En).contains(&K::Rhetorical));
        assert!(
            flags("Is it really that hard to click Activate?", Lang::En).contains(&K::Rhetorical)
        );
        assert!(
            flags("Avez-vous seulement lu la documentation ?", Lang::Fr).contains(&K::Rhetorical)
        );
        assert!(flags("Did you see an error message when activating?", Lang::En).is_empty());
        assert!(flags("Avez-vous vu un message d’erreur ?", Lang::Fr).is_empty());
    }

    #[test]
    fn shouting_detected_but_not_acronyms() {
        assert!(shouting("THIS IS NOT OUR PROBLEM, read the FAQ").is_some());
        assert!(shouting("Why is this happening???").is_some());
        assert!(shouting("Use the API and the PHP SDK, see the FAQ and the URL.").is_none());
        assert!(shouting("Please do NOT delete the old site yet.").is_none());
        assert!(shouting("ÇA NE MARCHE PAS CHEZ MOI").is_some());
    }

    #[test]
    fn brush_offs() {
        let d = ToneDetector::new();
        let f = Folded::new("Here's the link to our most common issues: https://example.com/faq");
        assert_eq!(
            d.brush_off(&f, 0.0, 0.0).unwrap().label,
            "link-only brush-off"
        );
        let f = Folded::new("Elle est dans votre espace client.");
        assert_eq!(
            d.brush_off(&f, 0.0, 0.0).unwrap().label,
            "one-line brush-off"
        );
        assert!(d.brush_off(&f, 0.3, 0.0).is_none());
        let long = "The widget renders on the server. ".repeat(10);
        assert!(d.brush_off(&Folded::new(&long), 0.0, 0.0).is_none());
    }
}
