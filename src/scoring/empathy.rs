//! Empathy: courtesy (greeting, thanks, stock apology, sign-off) earns a 1;
//! engagement with this person's situation earns a 2: naming the feeling or
//! the impact in their terms, an apology that names their trouble, warmth,
//! ownership ("I'll look into it", "je m'en occupe"), reassurance about next
//! steps, offers of further help, and exploration of their situation (the
//! EPITOME framework counts explorations as empathy too). Put-downs (blame,
//! sarcasm, rhetorical questions, shouting) cancel everything: grade 0.
//! Negated markers ("I don't understand", "je ne comprends pas") do not
//! count.

use std::ops::Range;

use super::text::{negated, sentences, Folded, Rule, RuleSet};
use super::types::{Dimension, DimensionScore, Evidence, EvidenceKind as K, Lang};

/// Total at or above which empathy is graded 2, provided at least one
/// engagement marker is present (see [`is_engagement`]).
pub const GRADE2_AT: f64 = 0.85;
/// Total at or above which empathy is graded 1.
pub const GRADE1_AT: f64 = 0.15;
/// Bonus for exploring the person's situation (curiosity grade 1 / 2),
/// only when the answer already shows some courtesy.
pub const EXPLORATION_BONUS: [f64; 3] = [0.0, 0.25, 0.8];

pub struct EmpathyDetector {
    en: RuleSet,
    fr: RuleSet,
}

impl Default for EmpathyDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// Result of the empathy pass.
#[derive(Debug)]
pub struct EmpathyFindings {
    pub score: DimensionScore,
    pub evidence: Vec<Evidence>,
    /// Total of courtesy/engagement markers before exploration and
    /// cancellation (used for the brush-off check).
    pub raw: f64,
}

impl EmpathyDetector {
    pub fn new() -> Self {
        // Rules in priority order: an earlier rule's match hides overlapping
        // matches of later rules.
        let en = vec![
            Rule::new(
                K::Acknowledgement,
                1.0,
                "acknowledges the feeling or impact",
                &[
                    r"i (?:completely |totally |fully |really |can |do |definitely )?(?:understand|get it|hear you)",
                    r"i can (?:see|imagine|understand) (?:how|why|that|what)",
                    r"i know (?:that's|that is|how|what|it's|it is|this|these|those|it can|you)",
                    r"(?:that's|that is|this is|it's|it is|must be|can be|sounds|that sounds|it sounds|that must be|it must be|this must be) (?:so |really |very |incredibly |pretty |quite |super |especially |extremely |understandably |definitely |truly )?(?:frustrating|annoying|stressful|worrying|upsetting|disappointing|confusing|inconvenient|urgent|painful|a pain|concerning|a hassle|not ideal|no fun|rough|tough|alarming|scary|exhausting|irritating|infuriating|worrisome)",
                    r"(?:frustrating|stressful|annoying|worrying|upsetting|disappointing) (?:when|enough|for you|to)",
                    r"(?:understandably|no wonder you're|no wonder you are|you must be|you're probably|you are probably|you might be|i'd be|i would be) (?:so |very |really )?(?:frustrated|upset|worried|annoyed|disappointed|confused|concerned|stressed)",
                    r"that should(?:n't| not| never) (?:have )?happen(?:ed)?",
                    r"not the (?:answer|news) you (?:hoped|wanted|were hoping|expected|were expecting|were looking)",
                    r"(?:you|your (?:customers|visitors|users|clients|team|buyers|readers)) (?:can't|cannot|are unable to|couldn't|can no longer) (?:pay|buy|order|log ?in|sign ?in|access|check ?out|use|see|work|reach)",
                    r"(?:why|how) you (?:feel|felt|must feel)",
                    r"(?:can|could|would) (?:stop|block|break|hurt|cost|affect|disrupt) (?:a |your |the )?(?:whole |entire )?(?:integration|business|sales|shop|store|site|launch|workflow|day|work|revenue)",
                    r"i'd feel the same",
                    r"(?:i'm|i am) (?:so |really )?sorry you(?:'ve| have)? had to",
                    r"(?:you've|you have) had to (?:write|ask|wait|chase|contact)",
                ],
            ),
            Rule::new(
                K::EngagedApology,
                0.5,
                "apologises for their specific trouble",
                &[
                    r"(?:i'm|i am|we're|we are) (?:so |really |very |truly |terribly |sincerely |genuinely )?sorry (?:for|about|to hear|that|you|it's|it is|this|the)",
                    r"(?:so|really|very|truly|terribly|sincerely) sorry",
                    r"sorry (?:for|about) (?:the|this|your|all the|that) (?:trouble|hassle|disruption|delay|wait|confusion|frustration|problem|issue|mix-?up|slowdown|outage|error|bug|experience|mess|headache|oversight|back and forth)",
                    r"sorry (?:to hear|you've|you had|you have|you were|you are|you're|that you|it's not|it is not|it isn't|this happened|that happened|it happened|for the late)",
                    r"(?:i|we) (?:sincerely |truly )?apologi[sz]e (?:for|that) (?:the|this|your|you|all)",
                ],
            ),
            Rule::new(
                K::OfferOfHelp,
                0.5,
                "offers further help",
                &[
                    r"(?:i'd|i would|i'll|i will|we'd|we would|we'll|we will|i'm|i am|we're|we are) (?:be )?(?:so |more than |very |always )?(?:glad|happy|delighted|here|pleased) to (?:help|walk|assist|show|guide|set|take|look|jump|hop|go through|answer)",
                    r"(?:happy|glad|here) to help",
                    r"(?:we|i) can (?:also |even |gladly |happily )?(?:help|walk you|point you|show you|guide you|set (?:it|this|that) up|assist|take a look|look at|do (?:it|this|that) for you|recommend|suggest|advise)",
                    r"(?:i|we) (?:can|will|'ll) (?:make (?:a|the) case|advocate|push for|put in a word)",
                    r"let (?:me|us) know if (?:you|there's|there is|anything|that|this|i can|we can|it)",
                    r"feel free to (?:reach|contact|get in touch|ask|write|reply|come back|drop|ping|let|email|message)",
                    r"(?:don't|do not|dont) hesitate",
                    r"if you (?:need|have|want) (?:any|anything|more|further|help|other|a hand)",
                    r"(?:is there )?anything else (?:i|we) can",
                    r"(?:would you like|do you want|shall) (?:me|us) to",
                    r"i'd love to (?:help|hear)",
                    r"(?:i'm|i am|we're|we are) (?:always )?(?:here|around|available) (?:to|if|for|whenever)",
                ],
            ),
            Rule::new(
                K::Warmth,
                0.5,
                "warm, positive engagement",
                &[
                    r"(?:glad|happy|great|good|nice|delighted|thrilled|lovely|wonderful|awesome) to (?:hear|see|know)",
                    r"(?:so |really |very )?(?:glad|happy|delighted|thrilled) (?:you|that you|it|that it|you're|you are)",
                    r"read (?:our|my) minds?",
                    r"great minds",
                    r"welcome (?:aboard|to the)",
                    r"(?:love|loved) (?:that|this|your) (?:idea|suggestion|question|feedback)",
                    r"(?:you're|you are) (?:absolutely |totally |completely )?right",
                    r"fair point",
                    r"great catch",
                    r"(?:congrats|congratulations) on",
                    r"(?:my|our) pleasure",
                ],
            ),
            Rule::new(
                K::Ownership,
                0.5,
                "takes ownership",
                &[
                    r"(?:i'll|i will|i'm going to|let me|we'll|we will) (?:personally |now |immediately |right away |also |gladly |quickly )?(?:look|check|investigate|dig|make sure|take care|handle|fix|follow up|get back|sort|keep you|escalate|update you|reply|find|see what|raise|flag|chase|test|reproduce|contact|talk|loop|be in touch|let you know)",
                    r"(?:i've|i have|we've|we have) (?:personally )?(?:taken|escalated|flagged|opened|raised|logged|reported|looped|assigned)",
                    r"let's (?:sort|fix|figure|get|work|look|solve|find|check|see|try|make)",
                    r"(?:so|so that) (?:i|we) can (?:check|investigate|look|reproduce|see|help|fix|understand|find|test|dig|sort|compare)",
                    r"on (?:my|our) (?:side|end)",
                    r"right away",
                    r"personally",
                    r"(?:i'm|i am) on it",
                    r"(?:i'm|i am) (?:looking|digging) into",
                    r"leave it with me",
                    r"together",
                ],
            ),
            Rule::new(
                K::NextSteps,
                0.3,
                "reassures about next steps",
                &[
                    r"(?:i've|i have|we've|we have|i just|i) (?:just |already )?(?:refunded|issued|reset|sent|resent|re-sent|passed|forwarded|added|updated|fixed|credited|cancell?ed|extended|applied|processed|released|reactivated|renewed|upgraded|moved|changed)",
                    r"(?:i|we)(?: can| could| will|'ll) (?:reset|refund|send|resend|extend|fix|change|update|cancel|credit|release|transfer|move|reactivate|apply|activate|add|enable|unlock|set up) (?:it|that|this|them|your|the)",
                    r"you(?:'ll| will) (?:see|receive|get|have) (?:it |them |the \w+ |an? \w+ |your \w+ )?(?:within|in|by|shortly|soon|today|tomorrow|back)",
                    r"(?:should|will) (?:reach|arrive|appear|show up|be back|be visible|land)",
                    r"within \d+ (?:business |working )?(?:days|hours|minutes)",
                    r"has been (?:forwarded|escalated|passed|sent|refunded|fixed|reset|updated)",
                    r"(?:as soon as|once) (?:i|we) (?:have|hear|get|know)",
                ],
            ),
            Rule::new(
                K::StockApology,
                0.3,
                "stock apology",
                &[
                    r"sorry",
                    r"(?:we|i) apologi[sz]e",
                    r"apologies",
                    r"oops",
                    r"my bad",
                ],
            ),
            Rule::new(
                K::Gratitude,
                0.25,
                "thanks the person",
                &[
                    r"thanks?",
                    r"thank you",
                    r"(?:i|we) (?:really |truly )?appreciate",
                    r"grateful",
                ],
            ),
            Rule::new(
                K::Courtesy,
                0.2,
                "friendly courtesy",
                &[
                    r"no (?:problem|worries)(?: at all)?",
                    r"(?:sure|of course|absolutely|certainly|definitely)(?: thing)?[,!.]",
                    r"(?:good|great|excellent|interesting) (?:question|idea|point|suggestion)",
                    r"you're welcome",
                    r"(?:i )?hope (?:this|that|it) helps",
                    r"hope you(?:'re| are) (?:well|doing well)",
                    r"how are you",
                ],
            ),
            Rule::new(
                K::Softener,
                0.2,
                "softens bad news",
                &[
                    r"unfortunately",
                    r"i'm afraid",
                    r"heads[- ]up",
                    r"just so you know",
                    r"(?:the )?good news",
                ],
            ),
            Rule::new(
                K::Greeting,
                0.15,
                "greeting",
                &[
                    r"hi",
                    r"hello",
                    r"hey",
                    r"dear",
                    r"good (?:morning|afternoon|evening)",
                    r"greetings",
                ],
            ),
            Rule::new(
                K::SignOff,
                0.15,
                "friendly sign-off",
                &[
                    r"have a (?:great|nice|good|lovely|wonderful|fantastic|pleasant) (?:day|week|weekend|evening|one)",
                    r"(?:kind|best|warm|warmest|kindest) regards",
                    r"all the best",
                    r"take care",
                    r"best wishes",
                    r"sincerely",
                    r"cheers",
                    r"talk (?:soon|to you soon)",
                    r"speak soon",
                ],
            ),
        ];
        let fr = vec![
            Rule::new(
                K::Acknowledgement,
                1.0,
                "acknowledges the feeling or impact",
                &[
                    r"je (?:comprends|comprend|concois)",
                    r"(?:je peux|je peu) (?:imaginer|comprendre)",
                    r"j'imagine (?:bien |tout a fait )?(?:que|combien|votre|le|la)",
                    r"je me mets a votre place",
                    r"(?:c'est|c'etait|ce doit etre|ca doit etre|cela doit etre|ca peut etre|cela peut etre|c'est vrai que c'est|ce qui est) (?:vraiment |tres |particulierement |franchement |tellement |assez |bien )?(?:penible|agacant|frustrant|enervant|stressant|genant|embetant|ennuyeux|decevant|inquietant|urgent|desagreable|contrariant|fatigant|lourd|rageant)",
                    r"(?:vous devez etre|vous etes sans doute|vous etes probablement|vous etes certainement) (?:tres |bien )?(?:agace|frustre|inquiet|decu|ennuye|embete)e?",
                    r"(?:ca|cela|ceci) n'aurait (?:jamais |pas )du (?:arriver|se produire)",
                    r"pas la (?:reponse|nouvelle) (?:que vous|esperee|attendue)",
                    r"(?:pour vous|vous) et (?:pour )?vos (?:visiteurs|clients|utilisateurs|lecteurs|equipes?)",
                    r"vos (?:clients|visiteurs|utilisateurs) ne peuvent (?:pas|plus)",
                    r"d'avoir (?:du|a) (?:la )?(?:reclamer|relancer|ecrire|attendre|redemander)",
                ],
            ),
            Rule::new(
                K::EngagedApology,
                0.5,
                "apologises for their specific trouble",
                &[
                    r"(?:je suis |nous sommes )?(?:vraiment |sincerement |tres |profondement )?(?:desole|desolee|desoles|navre|navree|navres) (?:pour|de|d'|que) (?:ce|cet|cette|ces|le|la|les|l'|votre|vos|avoir|ne pas|tout|vous)",
                    r"(?:je suis|nous sommes) (?:vraiment|sincerement|tres|profondement) (?:desole|desolee|navre|navree)s?",
                    r"(?:toutes nos|mes|nos) (?:sinceres )?excuses pour (?:ce|cet|cette|ces|le|la|les|l'|votre|vos)",
                    r"je (?:m'excuse|vous prie de m'excuser) pour (?:ce|cet|cette|ces|le|la|les|l'|votre|vos)",
                ],
            ),
            Rule::new(
                K::OfferOfHelp,
                0.5,
                "offers further help",
                &[
                    r"n'hesitez pas",
                    r"je (?:reste|suis|demeure) (?:bien entendu |evidemment )?(?:a votre|a ta|a vous|disponible)",
                    r"(?:je|nous) (?:peux|pouvons|pourrai|pourrais|pourrons|pourrions) (?:aussi |egalement |volontiers )?(?:vous |t')?(?:aider|accompagner|montrer|guider|expliquer|assister|conseiller|orienter|proposer|recommander)",
                    r"avec plaisir",
                    r"si vous avez (?:besoin|d'autres|la moindre|des questions|une question)",
                    r"(?:voulez|souhaitez|voudriez|aimeriez)-vous que (?:je|nous)",
                    r"(?:ravie?s?|heureux|heureuse|contente?s?) de vous (?:aider|accompagner)",
                    r"(?:je serai|je serais|nous serons|nous serions) (?:ravie?s?|heureux|heureuse|contente?s?) de",
                    r"autre chose (?:que je|pour)",
                    r"je suis (?:la|present|presente) (?:pour|si)",
                ],
            ),
            Rule::new(
                K::Warmth,
                0.5,
                "warm, positive engagement",
                &[
                    r"(?:ravie?s?|heureux|heureuse|contente?s?|enchantee?s?) (?:que|de voir|de lire|de savoir|d'apprendre|de l'apprendre)",
                    r"bonne nouvelle",
                    r"quelle (?:bonne|excellente) idee",
                    r"vous avez (?:tout a fait |entierement |completement )?raison",
                    r"bienvenue",
                    r"felicitations pour",
                ],
            ),
            Rule::new(
                K::Ownership,
                0.5,
                "takes ownership",
                &[
                    r"je m'en (?:occupe|charge)",
                    r"je m'occupe",
                    r"je (?:vais|vais personnellement|vais tout de suite|vais immediatement) (?:regarder|verifier|examiner|m'occuper|corriger|revenir|vous tenir|suivre|tester|voir|transmettre|contacter|chercher|enqueter|analyser|reproduire|faire le necessaire)",
                    r"je (?:reviens|reviendrai|vous recontacte|vous recontacterai)(?: tres vite| rapidement)? vers vous",
                    r"je vous (?:tiens|tiendrai) (?:au courant|informee?)",
                    r"(?:on va|nous allons|je vais) (?:regler|trouver|resoudre|corriger|comprendre)",
                    r"ensemble",
                    r"de mon cote",
                    r"tout de suite",
                    r"personnellement",
                    r"je regarde (?:ca|cela|tout de suite|de pres)",
                    r"(?:afin|pour) que je puisse (?:verifier|regarder|comprendre|reproduire|identifier|trouver|aider)",
                    r"pour (?:trouver|identifier|comprendre) (?:la cause|l'origine|le probleme|ce qui)",
                ],
            ),
            Rule::new(
                K::NextSteps,
                0.3,
                "reassures about next steps",
                &[
                    r"je vous (?:renvoie|envoie|ai envoye|ai renvoye|rembourse|ai rembourse|transmets|ai transmis|l'envoie|l'ai envoyee?|la renvoie|le renvoie|la transmets)",
                    r"je vous l'(?:envoie|renvoie|transmets)",
                    r"vous (?:la |le |les |l')?(?:recevrez|verrez|aurez)",
                    r"sous \d+ (?:jours|heures)",
                    r"des que",
                    r"a ete (?:transmise?|remboursee?|corrigee?|reinitialisee?|envoyee?|renvoyee?)",
                    r"(?:j'ai|nous avons) (?:rembourse|renvoye|envoye|reinitialise|corrige|transmis|prolonge|ajoute|mis a jour)",
                    r"(?:je peux|je vais) (?:la |le |vous la |vous le |vous )?(?:reinitialiser|rembourser|renvoyer|corriger|prolonger)",
                ],
            ),
            Rule::new(
                K::StockApology,
                0.3,
                "stock apology",
                &[
                    r"desolee?s?",
                    r"navree?s?",
                    r"toutes nos excuses",
                    r"nous nous excusons",
                    r"excusez-(?:nous|moi)",
                    r"je m'excuse",
                    r"veuillez nous excuser",
                    r"pardon",
                    r"oups",
                ],
            ),
            Rule::new(
                K::Gratitude,
                0.25,
                "thanks the person",
                &[
                    r"merci",
                    r"je vous remercie",
                    r"nous vous remercions",
                    r"remerciements",
                ],
            ),
            Rule::new(
                K::Courtesy,
                0.2,
                "friendly courtesy",
                &[
                    r"pas de (?:souci|soucis|probleme)",
                    r"bien sur[,!.]",
                    r"(?:bonne|excellente|tres bonne) (?:question|idee|remarque)",
                    r"j'espere que (?:cela|ca|ceci) (?:vous )?(?:aide|aidera)",
                    r"je vous en prie",
                    r"volontiers",
                ],
            ),
            Rule::new(
                K::Softener,
                0.2,
                "softens bad news",
                &[
                    r"malheureusement",
                    r"je crains",
                    r"a noter",
                    r"petite precision",
                ],
            ),
            Rule::new(
                K::Greeting,
                0.15,
                "greeting",
                &[
                    r"bonjour",
                    r"bonsoir",
                    r"salut",
                    r"(?:cher|chere) (?:madame|monsieur|client|cliente)",
                ],
            ),
            Rule::new(
                K::SignOff,
                0.15,
                "friendly sign-off",
                &[
                    r"(?:bonne|belle|excellente) (?:journee|soiree|semaine|fin de journee|fin de semaine)",
                    r"cordialement",
                    r"bien a vous",
                    r"a bientot",
                    r"a tres vite",
                ],
            ),
        ];
        EmpathyDetector {
            en: RuleSet::new(en),
            fr: RuleSet::new(fr),
        }
    }

    /// `curiosity_grade` feeds the exploration bonus; `put_down` (a blame,
    /// sarcasm, rhetorical-question or shouting flag) cancels all empathy.
    /// `exploration_span` is the original-answer span of the first probe,
    /// shown as the evidence of the exploration bonus.
    pub fn detect(
        &self,
        f: &Folded,
        langs: &[Lang],
        curiosity_grade: u8,
        exploration_span: Option<Range<usize>>,
        put_down: bool,
    ) -> EmpathyFindings {
        let text = f.as_str();
        let hay = text.as_bytes();
        let first_sentence_end = sentences(text).first().map(|r| r.end).unwrap_or(0);
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut hits: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        for &lang in langs {
            let rules = match lang {
                Lang::En => &self.en,
                Lang::Fr => &self.fr,
            };
            for rule in rules.matching(hay) {
                for m in rule.re.find_iter(hay) {
                    let r = m.range();
                    if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                        continue;
                    }
                    if negated(text, r.start, r.end) {
                        continue;
                    }
                    let mut kind = rule.kind;
                    let mut weight = rule.weight;
                    let mut label = rule.label;
                    let s = &text[r.clone()];
                    if kind == K::EngagedApology
                        && (s.contains("inconvenience")
                            || text[r.end..].trim_start().starts_with("gene")
                            || s.contains("desagrement"))
                    {
                        kind = K::StockApology;
                        weight = 0.3;
                        label = "stock apology";
                    }
                    if kind == K::Greeting && r.start >= first_sentence_end.max(1) {
                        continue;
                    }
                    if kind == K::Gratitude
                        && lang == Lang::Fr
                        && is_polite_request_fr(&text[r.start..])
                    {
                        continue;
                    }
                    taken.push(r.clone());
                    hits.push((kind, weight, label, r));
                }
            }
        }
        hits.sort_by_key(|h| h.3.start);
        // Repeats of one kind count half, up to twice the kind's weight.
        let mut per_kind: Vec<(K, f64)> = Vec::new();
        let mut evidence = Vec::with_capacity(hits.len() + 1);
        let mut raw = 0.0;
        for (kind, weight, label, r) in hits {
            let entry = match per_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some(e) => e,
                None => {
                    per_kind.push((kind, 0.0));
                    per_kind.last_mut().expect("just pushed")
                }
            };
            let cap = 2.0 * weight;
            let w = if entry.1 == 0.0 {
                weight
            } else {
                (weight * 0.5).min(cap - entry.1).max(0.0)
            };
            entry.1 += w;
            raw += w;
            evidence.push(Evidence {
                kind,
                dimension: Dimension::Empathy,
                label: if put_down {
                    format!("{label} (cancelled by a put-down)")
                } else {
                    label.to_string()
                },
                span: f.orig(r),
                weight: if put_down { 0.0 } else { w },
            });
        }
        let mut total = raw;
        if raw > 0.0 && !put_down {
            let bonus = EXPLORATION_BONUS[usize::from(curiosity_grade.min(2))];
            if bonus > 0.0 {
                total += bonus;
                evidence.push(Evidence {
                    kind: K::Exploration,
                    dimension: Dimension::Empathy,
                    label: "explores the person's situation (see curiosity)".into(),
                    span: exploration_span.unwrap_or(0..0),
                    weight: bonus,
                });
            }
        }
        let (grade, score) = if put_down {
            (0, 0.0)
        } else {
            let engaged = curiosity_grade >= 2
                || evidence
                    .iter()
                    .any(|e| is_engagement(e.kind) && e.weight > 0.0);
            let grade = if total >= GRADE2_AT - 1e-9 && engaged {
                2
            } else if total >= GRADE1_AT {
                1
            } else {
                0
            };
            (grade, (total.min(2.0) / 2.0).clamp(0.0, 1.0))
        };
        EmpathyFindings {
            score: DimensionScore { grade, score },
            evidence,
            raw,
        }
    }
}

/// Markers that engage with the person rather than being generic courtesy:
/// naming their feeling or impact, an apology for their specific trouble,
/// warmth, ownership, offers of help, and real exploration (curiosity 2).
pub fn is_engagement(kind: K) -> bool {
    matches!(
        kind,
        K::Acknowledgement | K::EngagedApology | K::Warmth | K::Ownership | K::OfferOfHelp
    )
}

/// "merci de m'envoyer…" is French for "please send me…", not thanks;
/// "merci de nous avoir écrit" / "merci de votre patience" are thanks.
fn is_polite_request_fr(s: &str) -> bool {
    let rest = match s.strip_prefix("merci") {
        Some(r) => r.trim_start(),
        None => return false,
    };
    let rest = match rest.strip_prefix("de ").or_else(|| rest.strip_prefix("d'")) {
        Some(r) => r,
        None => return false,
    };
    let mut words = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| {
            matches!(
                *w,
                "bien" | "vouloir" | "me" | "m" | "nous" | "lui" | "le" | "la" | "les" | "l"
            )
        });
    match words.next() {
        Some(v) => {
            (v.ends_with("er") || v.ends_with("ir") || v.ends_with("re"))
                && !matches!(
                    v,
                    "avoir" | "etre" | "votre" | "notre" | "leur" | "cette" | "entre"
                )
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grade(text: &str, lang: Lang) -> u8 {
        EmpathyDetector::new()
            .detect(&Folded::new(text), &[lang], 0, None, false)
            .score
            .grade
    }

    #[test]
    fn cold_answers_score_zero() {
        assert_eq!(
            grade("The setting is under Options > Display.", Lang::En),
            0
        );
        assert_eq!(grade("Videz le cache du navigateur.", Lang::Fr), 0);
    }

    #[test]
    fn generic_courtesy_scores_one() {
        assert_eq!(
            grade(
                "Hello, thanks for your message. The export is in Settings. Kind regards.",
                Lang::En
            ),
            1
        );
        assert_eq!(
            grade("We apologize for any inconvenience caused.", Lang::En),
            1
        );
        assert_eq!(grade("Bonjour, merci pour votre message. L'export se trouve dans Réglages. Cordialement.", Lang::Fr), 1);
        assert_eq!(grade("Désolé pour la gêne occasionnée.", Lang::Fr), 1);
    }

    #[test]
    fn engagement_scores_two() {
        assert_eq!(
            grade("I completely understand, losing orders during a sale is stressful. I'll look into it myself and get back to you today.", Lang::En),
            2
        );
        assert_eq!(
            grade("Je comprends, c'est vraiment frustrant de perdre des commandes. Je m'en occupe et je vous tiens au courant.", Lang::Fr),
            2
        );
    }

    #[test]
    fn negated_markers_do_not_count() {
        assert_eq!(
            grade("I don't understand why you are writing again.", Lang::En),
            0
        );
        assert_eq!(grade("Je ne comprends pas votre demande.", Lang::Fr), 0);
    }

    #[test]
    fn put_downs_cancel_politeness() {
        let d = EmpathyDetector::new();
        let f = Folded::new("Thanks for your patience, but you should have read the docs.");
        let out = d.detect(&f, &[Lang::En], 0, None, true);
        assert_eq!(out.score.grade, 0);
        assert!(out.evidence.iter().all(|e| e.weight == 0.0));
        let f = Folded::new("Merci de votre patience, mais il fallait lire la doc.");
        assert_eq!(d.detect(&f, &[Lang::Fr], 0, None, true).score.grade, 0);
    }

    #[test]
    fn merci_de_plus_verb_is_a_request_not_thanks() {
        assert!(is_polite_request_fr("merci de m'envoyer l'url"));
        assert!(is_polite_request_fr("merci de bien vouloir me transmettre"));
        assert!(!is_polite_request_fr("merci de nous avoir ecrit"));
        assert!(!is_polite_request_fr("merci de votre patience"));
    }
}
