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

const FAIL_VERBS_EN: &str = r"(?:read|check(?:ed)?|look(?:ed)?|deactivated?|activated?|follow(?:ed)?|test(?:ed)?|backed up|back(?:ed)? up|update[d]?|upgraded?|renew(?:ed)?|paid|known|noticed?|asked|contacted|done|used|installed|configured|cleared|saved|thought|searched|cancell?ed|cancel|unsubscribed|disabled|turned off|downgraded|switched)";
const FAIL_VERBS_FR: &str = r"(?:lire|lu|verifier|verifie|desactiver|desactive|activer|active|suivre|suivi|regarder|regarde|sauvegarder|faire|fait|penser|pense|cliquer|mettre|renouveler|payer|tester|chercher|consulter|contacter|resilier|resilie|annuler|annule|prevenir|demander|desinscrire|configurer|configure)";

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
        // "il fallait résilier avant", "il aurait fallu le faire avant":
        // what the customer should have done, whatever the verb.
        let fallait_fr = r"il (?:fallait|aurait fallu|suffisait) (?:de |d')?(?:d'abord |simplement |juste |bien |le |la |les |l'|y |vous |en )*[a-z]+(?:er|ir|re)\b";
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
                    r"(?:the )?(?:problem|issue|error|fault|bug|cause) (?:is|must be|has to be|can only be|will be|lies|is bound to be|is likely|is most likely) (?:probably |clearly |obviously |likely |definitely |certainly |surely |somewhere )?(?:on your (?:side|end)|at your end|with your|in your|your (?:theme|host|hosting|server|setup|site|code|config\w*|computer|browser|network|device|phone|inbox|firewall))",
                    r"(?:must|has to|can only) be (?:something )?(?:on your (?:side|end)|at your end)",
                    r"(?:is|are|lies|comes) (?:clearly |probably |obviously |definitely |certainly |surely |entirely |most likely |likely )?(?:on|at|from) your (?:side|end)",
                    r"(?:this|that|it)(?: one)?(?:'s| is| was) (?:really |entirely |all |squarely |totally |completely |honestly |frankly )?on you\b",
                    r"(?:that's|that is|this is|it's|it is) (?:entirely |really |all )?(?:your|the customer's) (?:own )?(?:responsibility|doing|choice|problem)",
                    r"(?:that's|it's|this is) (?:a problem with |an issue with |because of )?your (?:theme|host|hosting|server|setup|code|config\w*)",
                    r"not (?:our|my) (?:problem|fault|responsibility|issue)",
                    // Denying a fault is an explanation ("the API isn't
                    // broken: the 403 means…"); blame when it points at
                    // the customer.
                    r"(?:our|the) (?:plugin|app|product|extension|widget|api|software) (?:is not|isn't|is definitely not) (?:at fault|to blame)",
                    r"(?:our|the) (?:plugin|app|product|extension|widget|api|software) (?:is not|isn't|is definitely not) (?:slow|broken|buggy|the (?:problem|issue|cause))[^.?!]*(?:(?:it's|it is|that's|that is|the (?:problem|issue|fault|cause) is) (?:\w+ )?(?:your|on your|you)\b|your (?:theme|host|hosting|server|setup|site|code|config\w*|network|firewall|computer|browser) (?:is|are)\b)",
                    r"most (?:people|users|customers) who (?:write|ask|contact|complain)\w*",
                    r"(?:it's|it is) (?:written|explained|stated|documented) (?:clearly )?in the (?:docs|documentation|faq|manual|terms|guide)",
                    r"(?:it's|it is|that's|that is) (?:all |clearly )?in the (?:terms|conditions|contract) you (?:accepted|agreed|signed)",
                    r"the (?:terms|rules|conditions) are (?:very |perfectly |quite )?clear",
                    r"(?:it's|that's|this is) [^.?!]+, not (?:us|ours|our (?:fault|problem|plugin|app|widget|product))\b",
                ],
            ),
            Rule::new(
                K::Sarcasm,
                -1.0,
                "sarcastic or condescending",
                &[
                    r"calm down",
                    r"relax,",
                    r"(?:as|like) (?:i|we) (?:already |have already |'ve already )?(?:said|told you|explained|mentioned|wrote|stated|pointed out)",
                    r"(?:as|like) (?:already |previously |clearly )?(?:said|stated|explained|mentioned|indicated) (?:twice|several times|many times|multiple times|repeatedly|everywhere)",
                    r"(?:explained|told you|said|answered|mentioned) (?:this |that |it )?(?:twice|three times|several times|multiple times|many times|repeatedly)",
                    r"after (?:all|everything) (?:that )?(?:we've|we have|i've|i have|we|i) (?:done|did) for you",
                    r"(?:that's|that is|this is|it's|it is) apparently what you",
                    r"apparently what you (?:want|wanted|need|prefer|asked)",
                    r"(?:obviously|of course),? (?:if|when) you",
                    r"all you (?:have|had|need|needed) to do (?:is|was)",
                    r"(?:just|simply) read\b",
                    r"there's no way (?:our|the|a|an|that|this|it)",
                    r"(?:that's|that is|this is) (?:simply |just )?(?:not true|nonsense|impossible)",
                    r"(?:doesn't|does not|can't|cannot|couldn't|won't) (?:possibly |really |actually )?(?:knock|cost|take|shave|drop|slow|cause|break|explain|account for)\b[^.?!]*\b(?:anyone's|anybody's|on its own|by itself)",
                    r"i (?:have|'ve) already (?:answered|told|explained|said|replied)",
                    r"(?:already answered you|already told you|already explained)",
                    // "says no for the second time" tells their story;
                    // "I'm telling you for the second time" is the put-down.
                    r"(?:tell|telling|told|explain|explaining|explained|say|saying|said|ask|asking|asked|repeat|repeating|answer|answering|answered|write|writing|wrote) (?:(?:you|this|that|it|again|now) )*for the (?:second|third|fourth|umpteenth|nth|hundredth) time",
                    r"for the (?:last|umpteenth|nth|hundredth) time",
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
                    // grudging politeness taken back: "congratulations, I
                    // suppose, but the manual covers it"
                    r", i suppose,? but\b",
                    r"no offen[cs]e,? but",
                    r"(?:i'm |i am |we're |we are )?sorry (?:if |that )?you feel (?:that way|like that|this way)",
                    r"sorry,? but (?:you|that's your|it's your|this is your)",
                    r"(?:but |and )you should (?:have|'ve)",
                    r"congratulations,? you",
                    r"rtfm",
                    r"learn to read",
                    r"from (?:this|the current|this past|the last) (?:decade|century|millennium)",
                    r"(?:from|since|in) the stone age",
                    r"just google it",
                    // thanks, then a put-down after "but / even though"
                    r"thanks?(?: you)?\b[^.?!]*[, ](?:but|even though|although|though)\b[^.?!]*(?:(?:in|on) (?:the|our) (?:faq|docs|documentation|manual|guide|help cent(?:er|re)|knowledge base|terms|readme)\b|(?:is|are|was|were|it's|'s) (?:clearly |already |literally |all )?(?:explained|documented|written|stated|spelled out)\b|your (?:own )?fault|(?:on|at) your (?:side|end)|you (?:should|could) have|all you (?:had|have|need|needed) to do)",
                    r"(?:it's|this is|that's|it is|this is all|it's all) (?:explained|documented|covered|written|spelled out) (?:everywhere|all over)",
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
                    // "What did you expect?" alone, or followed by a put-down
                    // ("…, a miracle?"); "what did you expect to see, on
                    // which page?" is a real question.
                    r"what (?:else )?did you expect(?: from (?:a|an|the|this|that|us|me|it)\b[^.?!,]*)?\s*\?",
                    r"what (?:else )?did you expect\s*[,:-]+\s*(?:a|an|that|magic|miracles?|us|me|perfection|it to (?:read|guess))\b[^.?!]*\?",
                    r"why (?:not|don't you|do not you) (?:just|simply)\b[^.?!]*\?",
                    r"(?:have|did) you (?:tried|try) (?:turning|switching) it off and (?:on )?again\b[^.?!]*\?",
                    r"how many times\b[^.?!]*\?",
                    r"why (?:didn't|did not|don't|haven't|wouldn't|would) you\b[^.?!]*\?",
                    r"(?:seriously|really)\s*\?",
                    r"(?:you|you've|you have) (?:really|seriously|actually) [^.?!]*\bwithout [^.?!]*\?",
                    r"you\b[^.?!]*\bwithout (?:\w+ ){0,2}(?:testing|a backup|backing up|checking|reading|looking)\b[^.?!]*\?",
                    r"[^.?!]*,? at least\s*\?",
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
                    fallait_fr,
                    r"c'est (?:de )?votre faute",
                    r"(?:c'est|c'etait) (?:votre|ton) (?:hebergement|hebergeur|theme|serveur|site|code|configuration|probleme|installation|navigateur) qui",
                    r"(?:ca|cela) (?:fonctionne|marche) (?:tres bien |tres bien |parfaitement |tres )?(?:pour|chez) tout le monde",
                    r"(?:le probleme|le souci|l'erreur|ca|cela) vient (?:de chez vous|de votre|forcement de)",
                    r"(?:c'est|ca vient|cela vient|vient|est|se situe|se trouve) (?:forcement|sans doute|clairement|evidemment|donc|surement|certainement) (?:de|du|chez|dans|sur) (?:votre|vous|vos)",
                    r"(?:c'est|c'etait|ca se passe|le probleme est|le souci est|le probleme se situe) (?:forcement |clairement |donc |evidemment )?(?:de votre cote|chez vous)",
                    r"(?:c'est|c'etait) (?:a vous|votre responsabilite|de votre responsabilite)",
                    r"(?:les|nos) conditions sont (?:pourtant |tres |parfaitement )?claires",
                    r"c'est [^.?!]+ qui [^.?!]+, pas (?:nous|notre|chez nous)\b",
                    r"(?:ca|cela) ne peut pas venir de (?:nous|notre|chez nous)",
                    r"ce n'est pas (?:notre|mon) (?:probleme|souci|faute|responsabilite)",
                    r"(?:notre|l'|cette) (?:extension|application|appli|module|plugin|api) n'est (?:pas|absolument pas) (?:en cause|responsable)",
                    r"(?:notre|l'|cette) (?:extension|application|appli|module|plugin|api) n'est (?:pas|absolument pas) (?:lente|le probleme|bugguee|boguee|cassee)[^.?!]*(?:c'est (?:votre|vos|de votre)|vient de (?:votre|vos|chez vous)|de votre cote|chez vous)",
                    r"c'est (?:ecrit|indique|explique) (?:noir sur blanc )?dans (?:la|notre) (?:doc|documentation|faq|notice)",
                    r"erreur de (?:l'utilisateur|manipulation de votre part)",
                    r"(?:une |d'une |c'est une |il s'agit d'une )?erreur de votre part",
                    r"(?:vous avez|vous l'avez|vous les avez) (?:du |surement |sans doute |visiblement |manifestement )?mal (?:configure|installe|suivi|lu|compris|regle|parametre|saisi|rempli|copie|renseigne)e?s?",
                    r"vous vous etes (?:visiblement |manifestement |surement |sans doute )?trompee?s?",
                    r"vous avez (?:visiblement |manifestement |surement |simplement )?(?:oublie|omis|neglige) de",
                ],
            ),
            Rule::new(
                K::Sarcasm,
                -1.0,
                "sarcastic or condescending",
                &[
                    r"calmez-vous",
                    r"du calme",
                    r"comme (?:je l'ai|je vous l'ai|deja|nous l'avons|nous vous l'avons|on vous l'a|on l'a) (?:deja )?(?:dit|explique|ecrit|precise|indique)",
                    r"comme (?:indique|explique|precise|ecrit) (?:partout|plusieurs fois|a plusieurs reprises|deux fois|noir sur blanc)",
                    r"(?:deja|a plusieurs reprises|deux fois|trois fois|plusieurs fois) (?:explique|dit|repondu|precise)",
                    r"apres tout ce (?:que |qu')(?:nous avons|on a|j'ai|nous|on) (?:fait|avons fait) pour vous",
                    r"(?:c'est|puisque c'est|vu que c'est) (?:apparemment|visiblement) ce que vous",
                    r"(?:evidemment|forcement|bien evidemment|bien sur),? (?:si|quand|lorsque) vous",
                    r"il vous suffi(?:t|sait) de lire",
                    r"(?:il est|c'est) (?:tout simplement )?impossible que (?:notre|ce|cette|le|la|cela|ca)",
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
                    r", je suppose,? mais\b",
                    r"(?:de|datant de) (?:cette|la derniere) (?:decennie|siecle)",
                    r"(?:de|du) (?:ce|dernier) siecle",
                    r"(?:de|depuis) l'age de pierre",
                    // thanks, then a put-down after "mais / même si / alors
                    // que": "Merci pour votre retour, mais la réponse est dans
                    // la FAQ", "Merci, mais c'est expliqué partout"
                    r"merci\b[^.?!]*[, ](?:mais|meme si|alors que|bien que|sauf que|pourtant)\b[^.?!]*(?:(?:dans|sur) (?:la|notre|le|nos|les|votre) (?:faq|doc|docs|documentation|notice|guide|aide|centre d'aide|tutoriel|tuto|conditions|cgv|cgu|manuel|mode d'emploi|page d'aide|base de connaissances?)\b|(?:est|sont|etait|etaient|a ete|ont ete|c'est|deja|pourtant|bien) (?:\w+ )?(?:explique|indique|ecrit|precise|detaille|documente|mentionne)e?s?\b|votre faute|erreur de votre part|(?:vient|est|se situe|se trouve) (?:bien |forcement |clairement |donc )?(?:de votre cote|chez vous)|vous (?:auriez|deviez)|il (?:fallait|suffisait|aurait fallu)|vous n'avez (?:pas|meme pas|jamais) (?:lu|suivi|regarde|verifie|consulte|fait))",
                    r"(?:c'est|tout est|cela est|ca a ete|c'etait|c'est pourtant|tout etait|la reponse est|l'information est) (?:pourtant |deja |bien |clairement )?(?:explique|indique|ecrit|precise|detaille|documente|mentionne|affiche|repete)e?s? (?:pourtant )?(?:partout|noir sur blanc|en toutes lettres|a plusieurs endroits|en gros)",
                ],
            ),
            Rule::new(
                K::Rhetorical,
                -1.0,
                "rhetorical or accusatory question",
                &[
                    r"(?:avez-vous|vous avez|as-tu|tu as) (?:seulement|meme|vraiment|au moins|bien) (?:lu|essaye|verifie|regarde|pense|clique|active|desactive|consulte)\b[^.?!]*\?",
                    r"(?:avez-vous|vous avez) (?:lu|consulte) (?:la|notre) (?:doc|documentation|faq|notice)\b[^.?!]*\?",
                    r"(?:avez-vous|vous avez|as-tu|tu as|vous etes|etes-vous) (?:vraiment|serieusement|reellement) [^.?!]*\?",
                    r"(?:vous|tu)\b[^.?!]*\bsans (?:\w+ ){0,2}(?:tester|test|sauvegarde|sauvegarder|verifier|lire|regarder)\b[^.?!]*\?",
                    r"[^.?!]*,? au moins\s*\?",
                    r"(?:est-ce|c'est) (?:vraiment |donc )?(?:si|tellement|aussi) (?:difficile|complique|dur)\b[^.?!]*\?",
                    r"(?:vous n'avez pas|n'avez-vous pas|vous n'avez meme pas) (?:lu|vu|regarde|verifie|compris)\b[^.?!]*\?",
                    r"pourquoi (?:n'avez-vous pas|vous n'avez pas|ne pas avoir)\b[^.?!]*\?",
                    r"combien de fois\b[^.?!]*\?",
                    r"serieusement\s*\?",
                    r"vous plaisantez\b[^.?!]*\?",
                    r"(?:qu'est-ce que vous|que) (?:croyiez|pensiez|imaginiez)-?(?:vous)?\b[^.?!]*\?",
                    r"a quoi vous (?:vous )?attendiez-vous\s*\?",
                    r"a quoi vous (?:vous )?attendiez-vous\s*[,:-]+\s*(?:a un|a une|a des|a ce que|que|qu')\b[^.?!]*\?",
                    r"pourquoi ne pas (?:simplement|juste|tout simplement)\b[^.?!]*\?",
                    r"pourquoi ne (?:lisez|consultez|regardez)-vous pas\b[^.?!]*\?",
                    r"(?:avez-vous|vous avez) (?:essaye|pense) (?:de|a) (?:l'|le |la )?eteindre et (?:de )?(?:le |la |l')?rallumer\b[^.?!]*\?",
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
        let all = f.sentences();
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
    "JPG", "GIF", "SVG", "ID", "IDS", "CORS", "REST", "SAML", "SSO", "OAUTH", "GET", "POST", "PUT",
    "PATCH", "DELETE", "HEAD", "HMAC", "SHA", "MD", "AJAX", "JWT", "URI", "XHR", "HAR", "OTP",
    "TOTP", "MFA", "IDP", "DKIM", "SPF", "DMARC", "MX", "CNAME", "TXT", "VPN", "WAF", "UUID",
    "GUID", "YAML", "ASCII", "IIS", "RSS", "SFTP", "POP", "SAAS", "OEM", "GA", "GTM",
];

/// True for an all-capital word of ordinary vocabulary: two or more
/// letters, at least one vowel, and not a known acronym. "LCP", "TBT",
/// "CSV", "GDPR" (no vowel) and "API", "URL", "PHP" (listed) are acronyms.
fn is_shouted_word(w: &str) -> bool {
    let mut letters = 0usize;
    let mut vowel = false;
    for c in w.chars() {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
        if let Some(l) = c.to_lowercase().next() {
            vowel |= matches!(
                l,
                'a' | 'e'
                    | 'i'
                    | 'o'
                    | 'u'
                    | 'y'
                    | 'à'
                    | 'â'
                    | 'é'
                    | 'è'
                    | 'ê'
                    | 'ë'
                    | 'î'
                    | 'ï'
                    | 'ô'
                    | 'ù'
                    | 'û'
                    | 'ü'
            );
        }
    }
    letters >= 2 && vowel && !ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Shouting: sustained capitals of ordinary words (three or more shouted
/// words with no lower-case word between them, or shouted words making up
/// a third of a short answer), or a run of three or more `!`/`?`. Acronyms
/// ("(LCP, TBT, CLS)", "API", "PHP 8.2") are not shouting. Returns the span
/// of the shouted run.
fn shouting(orig: &str) -> Option<Range<usize>> {
    // Most answers have no shouted word, or only acronyms: only then is the
    // full pass below needed.
    let b = orig.as_bytes();
    if !has_shouted_word(orig) {
        return repeated_marks(b);
    }
    let mut words = 0usize;
    let mut shouted = 0usize;
    let mut all_hits: Option<Range<usize>> = None;
    // current run of capital words (acronyms and "I" do not break it)
    let mut run: Option<Range<usize>> = None;
    let mut run_len = 0usize;
    let mut best: Option<Range<usize>> = None;
    let mut start = None;
    for (i, c) in orig
        .char_indices()
        .chain(std::iter::once((orig.len(), ' ')))
    {
        // Underscores and digits join a token: `MIGRATE_ON_START` is one
        // identifier (code, not shouting), and no shouted word has them.
        if c.is_alphanumeric() || c == '_' {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            words += 1;
            let w = &orig[s..i];
            if is_shouted_word(w) {
                shouted += 1;
                all_hits = Some(match all_hits {
                    Some(r) => r.start..i,
                    None => s..i,
                });
                run = Some(match run {
                    Some(r) => r.start..i,
                    None => s..i,
                });
                run_len += 1;
                // keep the first long run, extended to its end
                let same_run = match (&best, &run) {
                    (Some(b), Some(r)) => b.start == r.start,
                    (None, _) => true,
                    _ => false,
                };
                if run_len >= 3 && same_run {
                    best = run.clone();
                }
            } else if !w.chars().all(|c| c.is_uppercase()) {
                run = None;
                run_len = 0;
            }
        }
    }
    let mut span = best;
    if span.is_none() && shouted >= 2 && shouted * 3 >= words {
        span = all_hits;
    }
    if span.is_none() {
        span = repeated_marks(b);
    }
    span
}

/// True when some word of `orig` is a shouted word
/// ([`is_shouted_word`]). A shouted word holds two capitals in a row, so
/// only the words around such a pair are looked at, not every word.
fn has_shouted_word(orig: &str) -> bool {
    let b = orig.as_bytes();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut prev_upper = false;
    let mut i = 0;
    while i < b.len() {
        if !prev_upper {
            // Most text is lower-case ASCII: eight such bytes hold no
            // capital, so no pair, and leave `prev_upper` false.
            while i + 8 <= b.len() && no_capital(&b[i..i + 8]) {
                i += 8;
            }
            if i >= b.len() {
                break;
            }
        }
        let c = if b[i].is_ascii() {
            char::from(b[i])
        } else {
            orig[i..].chars().next().unwrap_or(' ')
        };
        let upper = c.is_uppercase();
        if upper && prev_upper {
            // The word (maximal run of word chars) holding the pair.
            let start = orig[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word(c))
                .last()
                .map_or(i, |(p, _)| p);
            let end = orig[i..]
                .char_indices()
                .find(|&(_, c)| !is_word(c))
                .map_or(orig.len(), |(p, _)| i + p);
            if is_shouted_word(&orig[start..end]) {
                return true;
            }
            prev_upper = false;
            i = end.max(i + c.len_utf8());
            continue;
        }
        prev_upper = upper;
        i += c.len_utf8();
    }
    false
}

/// Whether eight bytes are all ASCII and none is a capital `A`–`Z`
/// (a non-ASCII byte may belong to a capital, so it answers false).
fn no_capital(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut word = [0u8; 8];
    word.copy_from_slice(bytes);
    let w = u64::from_le_bytes(word);
    if w & HIGH != 0 {
        return false;
    }
    // Each byte is below 0x80, so these sums carry into no other byte:
    // a byte's high bit is then set where it is >= `A`, resp. > `Z`.
    let from_a = w + ONES * u64::from(0x80 - b'A');
    let past_z = w + ONES * u64::from(0x80 - b'Z' - 1);
    from_a & !past_z & HIGH == 0
}

/// The first run of three or more `!`/`?`.
fn repeated_marks(b: &[u8]) -> Option<Range<usize>> {
    let mut i = 0;
    while let Some(n) = memchr::memchr2(b'!', b'?', &b[i..]) {
        let s = i + n;
        i = s;
        while i < b.len() && matches!(b[i], b'!' | b'?') {
            i += 1;
        }
        if i - s >= 3 {
            return Some(s..i);
        }
    }
    None
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
    fn grudging_politeness_taken_back_is_sarcasm() {
        assert!(flags(
            "Congratulations on the baby, I suppose, but the manual covers E4.",
            Lang::En
        )
        .contains(&K::Sarcasm));
        assert!(flags(
            "Félicitations, je suppose, mais le manuel l'explique.",
            Lang::Fr
        )
        .contains(&K::Sarcasm));
        // a supposition that is not a put-down
        assert!(flags("I suppose you use the default theme.", Lang::En).is_empty());
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
    fn polite_words_followed_by_a_put_down() {
        let put_down = |t: &str, l: Lang| {
            let f = Folded::new(t);
            ToneDetector::new().detect(t, &f, &[l]).put_down
        };
        // blaming the customer's setup or choices
        assert!(put_down(
            "Thanks for waiting, but the slowdown is clearly on your side.",
            Lang::En
        ));
        assert!(put_down(
            "Thank you! The error has to be somewhere in your firewall.",
            Lang::En
        ));
        assert!(put_down(
            "Appreciate the message, though honestly that one is on you.",
            Lang::En
        ));
        assert!(put_down(
            "Merci pour votre retour, mais l'erreur vient forcément de votre serveur.",
            Lang::Fr
        ));
        assert!(put_down(
            "Merci. Il aurait fallu annuler l'abonnement plus tôt.",
            Lang::Fr
        ));
        // told-you-so, guilt-tripping, dismissing the report
        assert!(put_down(
            "Thanks again. Like we said several times, the cap is 5 sites.",
            Lang::En
        ));
        assert!(put_down(
            "Fine, closing it, after all we've done for you.",
            Lang::En
        ));
        assert!(put_down(
            "Thanks, but one small icon can't possibly cost you two seconds on its own.",
            Lang::En
        ));
        assert!(put_down(
            "Merci. Comme indiqué à plusieurs reprises, la limite est de 5 sites.",
            Lang::Fr
        ));
        assert!(put_down(
            "D'accord, c'est apparemment ce que vous voulez, après tout ce que nous avons fait pour vous.",
            Lang::Fr
        ));
        assert!(put_down(
            "Bonjour, les conditions sont pourtant claires.",
            Lang::Fr
        ));
        // neutral phrasings of the same words
        assert!(!put_down(
            "Thanks! The problem is on our side and I'm fixing it.",
            Lang::En
        ));
        assert!(!put_down(
            "Bonjour, il suffit de me répondre ici et je m'en occupe.",
            Lang::Fr
        ));
        assert!(!put_down(
            "Don't deploy until the fix is released, I'll let you know.",
            Lang::En
        ));
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
        assert!(flags(
            "Vous avez vraiment migré la boutique un vendredi sans sauvegarde ?",
            Lang::Fr
        )
        .contains(&K::Rhetorical));
        assert!(
            flags("Vous avez redémarré le serveur, au moins ?", Lang::Fr).contains(&K::Rhetorical)
        );
        assert!(flags("You tried a private window, at least?", Lang::En).contains(&K::Rhetorical));
        assert!(flags("Avez-vous bien reçu le lien de confirmation ?", Lang::Fr).is_empty());
        assert!(flags("Did you see an error message when activating?", Lang::En).is_empty());
        assert!(flags("Avez-vous vu un message d’erreur ?", Lang::Fr).is_empty());
    }

    #[test]
    fn identifiers_in_capitals_are_code_not_shouting() {
        assert!(shouting("Also, is the MIGRATE_ON_START variable set?").is_none());
        assert!(shouting("Set DB_POOL_SIZE and S3_BUCKET_NAME first.").is_none());
        assert!(shouting("STOP SENDING ME THIS, fix it").is_some());
    }

    #[test]
    fn repeating_oneself_is_a_put_down_but_their_second_try_is_not() {
        assert!(flags(
            "I'm telling you for the second time: clear the cache.",
            Lang::En
        )
        .contains(&K::Sarcasm));
        assert!(flags("For the last time, the cap is 5 sites.", Lang::En).contains(&K::Sarcasm));
        assert!(flags(
            "Your result says no for the second time, that must feel so isolating.",
            Lang::En
        )
        .is_empty());
    }

    #[test]
    fn eight_byte_capital_check_agrees_with_bytes() {
        for text in [
            "abcdefgh",
            "abcdefgH",
            "Abcdefgh",
            "abc@[`{z",
            "abcdé fg",
            "12345678",
            "ZZZZZZZZ",
            "a\u{7f}b~c_d ",
            "@@@@[[[[",
        ] {
            let b = text.as_bytes();
            let want = b[..8]
                .iter()
                .all(|c| c.is_ascii() && !c.is_ascii_uppercase());
            assert_eq!(no_capital(&b[..8]), want, "{text}");
        }
        for x in 0u8..=255 {
            let b = [b'a', b'b', x, b'c', b'd', b'e', b'f', x];
            let want = x.is_ascii() && !x.is_ascii_uppercase();
            assert_eq!(no_capital(&b), want, "{x}");
        }
    }

    #[test]
    fn shouting_detected_but_not_acronyms() {
        assert!(shouting("THIS IS NOT OUR PROBLEM, read the FAQ").is_some());
        assert!(shouting("Why is this happening???").is_some());
        assert!(shouting("Use the API and the PHP SDK, see the FAQ and the URL.").is_none());
        assert!(shouting("Please do NOT delete the old site yet.").is_none());
        assert!(shouting("ÇA NE MARCHE PAS CHEZ MOI").is_some());
        assert!(shouting("NO REFUNDS. READ THE TERMS.").is_some());
        // acronyms, even several in a row, are not shouting
        assert!(shouting(
            "Could you send the report, so I can see which metric dropped (LCP, TBT, CLS)?"
        )
        .is_none());
        assert!(shouting(
            "We export CSV over the API, GDPR-compliant, on PHP 8.2 with a signed URL."
        )
        .is_none());
        assert!(shouting("Les métriques (FCP, LCP, TTFB) viennent du rapport CrUX.").is_none());
        assert!(shouting("OK, SSO via SAML works with the REST API.").is_none());
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
    #[test]
    fn explanations_and_real_questions_are_not_put_downs() {
        assert!(flags(
            "What did you expect the button to do, and on which screen?",
            Lang::En
        )
        .is_empty());
        assert!(flags("What did you expect?", Lang::En).contains(&K::Rhetorical));
        assert!(flags("What did you expect, perfection?", Lang::En).contains(&K::Rhetorical));
        assert!(flags(
            "The plugin isn't buggy: the 401 means the token expired.",
            Lang::En
        )
        .is_empty());
        assert!(flags(
            "L'API n'est pas cassée : le 403 signifie que la signature ne correspond pas.",
            Lang::Fr
        )
        .is_empty());
        assert!(flags(
            "Our app isn't broken, it's your server that is misconfigured.",
            Lang::En
        )
        .contains(&K::Blame));
        assert!(shouting(
            "Switch from GET to POST, sign it with HMAC SHA256 and send JSON, not AJAX form data."
        )
        .is_none());
        assert!(shouting("GET or POST? PUT?").is_none());
    }

    #[test]
    fn sarcastic_suggestions_are_put_downs() {
        assert!(
            flags("Perhaps a browser from this century would help?", Lang::En)
                .contains(&K::Sarcasm)
        );
        assert!(
            flags("Have you tried switching it off and on again?", Lang::En)
                .contains(&K::Rhetorical)
        );
        assert!(flags("Why not just google it?", Lang::En).contains(&K::Rhetorical));
        assert!(flags("Pourquoi ne pas juste lire la FAQ ?", Lang::Fr).contains(&K::Rhetorical));
        assert!(flags("Why not try the beta?", Lang::En).is_empty());
    }
}
