//! Curiosity: questions and requests that explore the problem or the need
//! behind it (EPITOME's explorations).
//!
//! Every question sentence, and every request phrased as an imperative or a
//! need ("please send me the URL", "envoyez-moi l'URL", "a screenshot would
//! help", or a curt "Send the URL, the ID, the response codes."), is split
//! into clauses ("which page, since when, and which plugins" = 3 probes; the
//! items of a requested list count one each; alternatives joined by "or"
//! stay one probe). Instructions that send something elsewhere ("share the
//! link with your team") are not requests. Each
//! clause is weighed by what it asks about:
//!
//! | probe | weight |
//! |---|---|
//! | root cause: since when / after what change / expected vs actual | 2.0 |
//! | the purpose behind the request, open, with concrete alternatives ("what would you use it for: X or Y?") | 2.0 |
//! | the need behind the request, open question ("what were you hoping…") | 1.5 (1.0 when yes/no) |
//! | symptom, location (page, URL), environment, evidence, identifier, scope | 1.0 |
//! | any other genuine question | 1.0 |
//! | generic request for more ("tell me more") | 0.75 |
//! | invitation to share more, or a tentative hypothesis about the need | 0.5 |
//!
//! Grade 2 needs a total of at least 2.0 including one non-generic probe;
//! grade 1 any probe. Rhetorical or accusatory questions, offers ("anything
//! else I can help with?"), check-ins ("does that help?") and suggestions
//! phrased as questions ("could you try clearing the cache?", "maybe try…?",
//! "why not…?") are not probes. "…, or anything else?" is an alternative,
//! not an offer.

use std::ops::Range;

use regex::bytes::{Regex, RegexSet, RegexSetBuilder};

use super::text::{alt, alt_pattern, rx, sentences, Folded};
use super::types::{Dimension, DimensionScore, Evidence, EvidenceKind as K, Lang};

pub const GRADE2_AT: f64 = 2.0;
/// Weight of an open question about the need behind the request ("what
/// were you hoping…"); empathy treats it as exploring the person.
pub const OPEN_NEED_WEIGHT: f64 = 1.5;
/// An open question about the purpose behind the request that offers
/// concrete alternatives ("what would you use dark mode for: late-night
/// sessions or accessibility?") is clearly aimed at the need: grade 2.
pub const NEED_WITH_ALTERNATIVES_WEIGHT: f64 = 2.0;
const NEED_WITH_ALTERNATIVES_LABEL: &str =
    "asks about the purpose behind the request, with concrete alternatives";
const SCORE_FULL_AT: f64 = 3.0;

struct Topic {
    pattern: String,
    kind: K,
    weight: f64,
    label: &'static str,
}

struct LangSet {
    request: Regex,
    /// A bare imperative at the start of a sentence ("Send the URL, the
    /// ID…", "Forward the bounce message.").
    bare_request: Regex,
    /// Instructions that look like requests but send something elsewhere
    /// ("send it to your accountant", "paste the snippet into your theme").
    not_request: Regex,
    invitation: Regex,
    hypothesis: Regex,
    skip_question: Regex,
    /// "…, or anything else?": an alternative, not an offer of help.
    not_offer: Regex,
    suggestion: Regex,
    generic: Regex,
    opener: Regex,
    determiner: Regex,
    open_wh: Regex,
    /// A yes/no question opening a clause ("do you use…", "le problème
    /// apparaît-il…"): a question of its own.
    yesno: Regex,
    /// Tag questions checking a summary ("…, is that right?").
    tag: Regex,
    /// Questions about the purpose behind a request ("what would you use
    /// it for", "why", "qu'est-ce qui vous amène").
    need_purpose: Regex,
    /// Concrete alternatives offered in the same clause ("…, or …").
    alternatives: Regex,
    topics: Vec<Topic>,
    /// One pattern per topic, same order as `topics`: one pass per clause.
    topic_set: RegexSet,
}

pub struct CuriosityDetector {
    en: LangSet,
    fr: LangSet,
    boundary: Regex,
}

impl Default for CuriosityDetector {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug)]
pub struct CuriosityFindings {
    pub score: DimensionScore,
    pub evidence: Vec<Evidence>,
    pub total: f64,
}

fn topic(kind: K, weight: f64, label: &'static str, alts: &[&str]) -> Topic {
    Topic {
        pattern: alt_pattern(alts),
        kind,
        weight,
        label,
    }
}

impl CuriosityDetector {
    pub fn new() -> Self {
        let en = LangSet {
            request: alt(&[
                r"(?:send|forward|give|tell|show|email|mail) (?:me|us)",
                r"(?:share|provide|attach|include|paste|describe|specify|confirm|list|post) (?:with (?:me|us) )?(?:the|your|a|an|any|some|what|which|how|whether|if|more|exactly|screenshots?|logs?|details?)",
                r"let (?:me|us) know (?:what|which|when|where|why|how|whether|the|your|more|a bit|roughly|exactly)",
                r"(?:i'd|i would|i'll|i will|we'd|we'll|we would|i|we) (?:need|like) (?:to (?:know|see|have|understand)|the|your|a|an|some|more)",
                r"it would (?:really )?help (?:me |us )?(?:to know|to see|if you|a lot to)",
                r"(?:screenshot|screen ?shot|log|url|link|video|recording|details?|example|error message|console output)s? (?:[a-z'-]+ ){0,4}(?:would|will|could|might) (?:really |also )?help",
                r"i'm curious (?:about|to know|what|how|why|whether)",
                r"i wonder(?:ed)? (?:what|why|how|whether|if|which)",
                r"(?:could|can|would) you (?:please )?(?:send|share|tell|give|show|forward|attach|provide|confirm|describe|explain|let|paste|include|specify|list)",
                r"please (?:send|share|tell|give|show|forward|attach|provide|confirm|describe|explain|let|paste|include|specify|list)",
                r"(?:just |simply )?reply (?:with|back with) (?:the|your|a|an)",
            ]),
            bare_request: rx(
                r"^(?:(?:and|also|then|now|next|first|first of all|to start|to begin|finally|just|so|ok|okay|right|alright|sure|fine|great|otherwise|alternatively|meanwhile|in the meantime|if possible|if you can|when you can|please|oh),? ){0,3}(?:(?:send|forward|paste|share|attach|e-?mail|dm)(?: (?:me|us|over|along|across|back|here|in))*|reply with|(?:give|show|tell|drop|get|grab|find) (?:me|us)) (?:the|your|a|an|any|some|all|both|those|these|each|every|exact|full|screenshots?|logs?|details|copies|examples?)\b",
            ),
            not_request: rx(
                r"\b(?:(?:to|with) (?:your|their|the) (?:team|colleagues?|developers?|devs?|customers?|clients?|users?|visitors?|readers?|accountants?|host|hosting (?:provider|company)|admin|boss|manager|agency|staff|subscribers?|mailing list|bank|it team|it department)|to (?:the|your|each|every|a) (?:orders?|products?|posts?|pages?|listings?|forms?|fields?|items?|entry|entries|records?)\b|to (?:them|him|her|yourself|each|everyone|all of them|a colleague|a friend)|with (?:them|him|her|everyone)|into (?:your|the|a|an|this) (?:theme|file|functions|template|editor|field|box|settings|code|header|footer|config\w*|terminal|console|snippet|page|site|html|plugin|widget|form)|a test)\b",
            ),
            invitation: alt(&[
                r"feel free to (?:include|share|send|attach|add|tell|describe|paste)",
                r"i'd love to hear (?:it|more|about|what|your|how|why|from)",
                r"anything else (?:you think |that )?(?:would|could|might) help",
            ]),
            hypothesis: alt(&[
                r"if (?:it's|it is|you're|you are|you were|that's|what you) [^.?!]{0,40}(?:after|looking for|trying to|hoping|need|want)",
            ]),
            skip_question: alt(&[
                r"anything else",
                r"something else (?:i|we) can",
                r"(?:would|do) you (?:like|want) (?:me|us) to",
                r"shall (?:i|we)",
                r"should i",
                r"can (?:i|we) (?:help|do|assist)",
                r"is there anything",
                r"how can (?:i|we) help",
                r"does (?:that|this|it) (?:help|make sense|work for you|answer|sound)",
                r"(?:is|was) (?:that|this) (?:ok|okay|clear|helpful|alright)",
                r"how are you",
                r"how's it going",
                r"makes? sense",
            ]),
            not_offer: alt(&[r"or (?:anything|something) else"]),
            suggestion: rx(
                r"^(?:(?:so|and|or|well|then|ok|okay|hmm|also),? )?(?:(?:maybe|perhaps) (?:just |you (?:could|should|might|can) )?(?:try|use|switch|update|upgrade|read|pick|get|check|install|clear|disable|enable|go|look|restart|buy|google|reinstall|turn)|why not|(?:have|did) you tried (?:turning|switching) it off)\b|^(?:(?:can|could|would) you (?:please )?(?:try|make sure|clear|update|deactivate|activate|install|reinstall|switch|disable|enable|go|click|upgrade|restart|remove|log ?in)\b|(?:have|did) you (?:tried|try) (?:turning|restarting|clearing|reinstalling))",
            ),
            generic: alt(&[
                r"(?:more|any|further|additional|some) (?:details?|info(?:rmation)?|context)",
                r"tell me more",
                r"(?:tell|explain)(?: me)?(?: a bit| a little)? more",
                r"elaborate",
            ]),
            opener: rx(
                r"^(?:what|which|when|where|why|who|whom|whose|how|whether|(?:from|on|in|at|for|with|to|under) (?:how|which|what|where|whose)|since when|if|is|are|do|does|did|has|have|can|could|would|was|were|tell|let|send|share|confirm|attach|paste|forward|include)\b",
            ),
            determiner: rx(r"^(?:the|your|a|an|any|which|what)\b"),
            open_wh: alt(&["what", "why", "how", "where", "which", "what's"]),
            yesno: rx(
                r"^(?:is|are|do|does|did|has|have|was|were|can|could|will|would)(?:n't)? (?:you|it|the|your|this|that|they|there|anything|any|both|other|those|these|either)\b",
            ),
            tag: rx(
                r"^(?:is|was|isn't|wasn't) (?:that|this|it) (?:right|correct|so|true|the case|accurate|it)\b|^(?:right|correct)\b",
            ),
            need_purpose: alt(&[
                r"why",
                r"what (?:made|makes|brought|led|prompted|drives|drove) you",
                r"what (?:would|will|do|did|are) you (?:want|need|use|using|like|planning to use|hope to use) [^?.!]*\bfor",
                r"what (?:is|'s|would be) (?:it|this|that) for",
                r"what for",
                r"what (?:are|were) you (?:hoping|trying|looking|aiming|planning)",
                r"(?:your|the) (?:use case|goal|reason)",
            ]),
            alternatives: rx(r"\bor\b"),
            topics: vec![
                topic(
                    K::ProbeRootCause,
                    2.0,
                    "asks since when / after what change / what was expected",
                    &[
                        r"since when",
                        r"when did (?:it|this|that|the (?:problem|issue|error|slowdown)) (?:first )?(?:start|begin|happen|stop|appear)",
                        r"(?:when|since) (?:exactly )?(?:it|this|the problem|the issue) (?:started|began|stopped|first)",
                        r"(?:what|anything|something|did anything|has anything) (?:has )?(?:changed|change)",
                        r"(?:after|since) (?:an?|the|your|a recent|any|installing|updating) (?:update|upgrade|change|migration|move|install\w*|deploy\w*|plugin|theme)",
                        r"(?:stop(?:ped)?|start(?:ed)?) (?:working|happening|showing)? ?(?:after|since|when)",
                        r"(?:has|did) it (?:ever |never )?(?:work|worked|shown|show|appeared)",
                        r"never (?:shown|worked|appeared)",
                        r"(?:what|which) (?:did you|do you|were you) (?:expect|expecting)",
                        r"expect(?:ed)? to (?:see|happen|get)",
                        r"what (?:exactly )?(?:happens|happened|is happening) (?:when|after|if)",
                        r"(?:steps|how) to reproduce",
                        r"(?:was|did) it (?:ever )?work(?:ing)? before",
                        r"since yesterday",
                        // what differs between the working and the failing
                        // case, or what they share
                        r"(?:both|the two|all (?:the|your|of your|of the)|each of (?:the|your)|either) (?:[a-z0-9'-]+ ){0,4}(?:use|uses|using|share|sharing|shares|have|run|on) (?:the )?(?:same|different|identical)",
                        r"(?:the same|a different|different|separate) (?:[a-z-]+ )?(?:key|keys|token|account|credentials|version|versions|settings|config\w*|network|ip|server|servers|browser|plugin|theme|setup|environment|certificate)s? (?:as|on both|for both|across|between|in both)",
                        r"(?:use|uses|using|share|shares|sharing|run|runs|on|have|has) the same (?:[a-z-]+ ){0,2}(?:key|keys|token|account|credentials|version|settings|config\w*|network|ip|server|browser|plugin|theme|setup|environment|certificate|licen[cs]e|database|host|hosting)s?\b",
                        r"(?:what's|what is|anything|something) different (?:between|about|on|with|in)",
                        r"differen(?:ce|t)s? between",
                        r"(?:works?|worked|working) (?:fine |ok |correctly )?(?:on|in|for|with) (?:the )?(?:other|first|old|one)",
                        r"(?:right |just )?(?:before|after) (?:you |it )?(?:added|adding|switched|switching|moved|moving|upgraded|installed|enabled|changed)",
                    ],
                ),
                topic(
                    K::ProbeNeed,
                    1.5,
                    "asks about the need or use case behind it",
                    &[
                        r"why",
                        r"what (?:made|makes|brought|led) you",
                        r"what (?:are|were) you (?:hoping|trying|looking|planning|aiming)",
                        r"(?:what|how) (?:do|would|will|did) you (?:like|need|want|plan|intend|use|hope)",
                        r"what you(?:'d| would) like",
                        r"what you (?:need|want|hope|expect|are trying|were hoping)",
                        r"(?:would|will) you use",
                        r"use case",
                        r"what for",
                        r"(?:are you|you're|you are) (?:looking|trying|hoping) (?:for|to)",
                        r"trying to (?:achieve|do|accomplish|build|solve)",
                        r"your (?:goal|needs?|use case|workflow)",
                        r"have in mind",
                        r"(?:doesn't|does not|didn't|did not) (?:fit|suit|meet|work for)",
                        r"hoping (?:for|to|the|it)",
                        r"do you want",
                    ],
                ),
                topic(
                    K::ProbeSymptom,
                    1.0,
                    "asks what exactly happens",
                    &[
                        r"what (?:exactly )?(?:do you see|you see|isn't|is not|doesn't|does not|went|goes|is going|is wrong|is broken|happens|is happening)",
                        r"(?:isn't|is not|doesn't|does not) (?:working|work|show|load|appear)",
                        r"what exactly",
                        r"(?:an? |any |the )?error",
                        r"blank",
                        r"(?:what|which) (?:message|behaviou?r)",
                        r"(?:do|did) you (?:see|get|notice|receive)",
                        r"is wrong",
                    ],
                ),
                topic(
                    K::ProbeEvidence,
                    1.0,
                    "asks for evidence (screenshot, logs, exact error)",
                    &[
                        r"screenshots?",
                        r"screen ?shots?",
                        r"screen recording",
                        r"videos?",
                        r"recording",
                        r"logs?",
                        r"console",
                        r"exact (?:error|message|text|wording)",
                        r"reports?",
                        r"stack ?traces?",
                        r"har file",
                        r"timestamps?",
                        r"(?:request|response) (?:body|bodies|id|headers?|payloads?|codes?)",
                        r"payloads?",
                        r"(?:status|response|error|http) codes?",
                        r"saml (?:response|assertion|trace|request)s?",
                        r"network (?:tab|panel|log|trace|requests?)",
                        r"console (?:output|errors?|messages?)",
                        r"(?:e-?mail |mail |message |http |response |request |full )?headers?",
                        r"delivery (?:log|logs|attempts?|history|report)",
                        r"bounced? (?:messages?|e-?mails?|notices?|notifications?|reports?)",
                        r"(?:bounce|error|rejection|ndr) (?:message|notice|reply)s?",
                        r"(?:export(?:ed)?|sample|example|test|csv|import|xml|json|source|original|problem|affected|broken) files?",
                        r"files?",
                        r"attachments?",
                        r"(?:api|http|server|raw|full|json|xml|exact) responses?",
                        r"outputs?",
                        r"error (?:text|messages?)",
                        r"(?:the )?exact (?:error|message|text|wording|steps)",
                    ],
                ),
                topic(
                    K::ProbeLocation,
                    1.0,
                    "asks where (page, URL)",
                    &[
                        r"pages?",
                        r"urls?",
                        r"links?",
                        r"domains?",
                        r"endpoints?",
                        r"screens?",
                        r"where",
                        r"(?:which|what) site",
                        r"routes?",
                    ],
                ),
                topic(
                    K::ProbeEnvironment,
                    1.0,
                    "asks about the environment",
                    &[
                        r"versions?",
                        r"themes?",
                        r"plugins?",
                        r"extensions?",
                        r"browsers?",
                        r"devices?",
                        r"operating system",
                        r"os",
                        r"built (?:with|on)",
                        r"backend",
                        r"language",
                        r"stack",
                        r"php",
                        r"hosting",
                        r"host",
                        r"servers?",
                        r"cms",
                        r"framework",
                        r"wordpress",
                        r"platform",
                        r"setup",
                        r"config\w*",
                        r"caching",
                        r"cache",
                        r"cdn",
                        r"code",
                        r"private (?:window|browsing|mode|tab)",
                        r"incognito",
                        r"settings?",
                        r"(?:is|are) (?:selected|checked|ticked|enabled|turned on|chosen|active)",
                        r"(?:which|what) (?:option|mode|setting|plan|method|provider|gateway|integration)s?",
                        r"identity provider",
                        r"idp",
                    ],
                ),
                topic(
                    K::ProbeIdentifier,
                    1.0,
                    "asks for an identifier (account, invoice, email)",
                    &[
                        r"(?:invoice|order|account|customer|ticket|transaction|receipt|reference|payment|charge|event|subscription|user|message|request|delivery) (?:numbers?|ids?|#)",
                        r"account e-?mails?",
                        r"invoices?",
                        r"orders?",
                        r"e-?mail(?: address)?",
                        r"licen[cs]e(?: key)?",
                        r"(?:api )?keys?",
                        r"ids?",
                        r"username",
                        r"accounts?",
                    ],
                ),
                topic(
                    K::ProbeScope,
                    1.0,
                    "asks about scope or frequency",
                    &[
                        r"how (?:many|much|often)",
                        r"every (?:page|time)",
                        r"all (?:pages|the time)",
                        r"only (?:on|in|for)",
                        r"always",
                        r"sometimes",
                        r"intermittent\w*",
                        r"roughly",
                        r"how long",
                        r"response times?",
                        r"timings?",
                        r"durations?",
                    ],
                ),
            ],
            topic_set: RegexSet::empty(),
        };
        let fr = LangSet {
            request: alt(&[
                r"(?:pourriez|pouvez|pourrais|peux|voudriez|voulez)[- ](?:vous|tu) (?:bien |s'il vous plait |svp )?(?:me |m'|nous |lui )?(?:l'|le |la |les )?(?:envoyer|transmettre|dire|indiquer|preciser|confirmer|communiquer|decrire|partager|joindre|donner|faire parvenir|expliquer|montrer|copier|coller|lister|verifier)",
                r"merci de (?:bien vouloir )?(?:me |m'|nous )?(?:l'|le |la |les )?(?:envoyer|transmettre|dire|indiquer|preciser|confirmer|communiquer|decrire|partager|joindre|donner|faire parvenir|expliquer|montrer|copier|coller)",
                r"(?:envoyez|transmettez|dites|indiquez|precisez|confirmez|communiquez|decrivez|partagez|joignez|donnez|montrez|copiez|collez|faites)(?:-(?:moi|nous|le|la|les|les-moi|le-moi|la-moi)|\s+(?:moi|nous|la|le|l'|les|votre|vos|un|une|des|ce|cette|quel|quelle|quels|quelles|si|comment|pourquoi))",
                r"(?:j'aurais|j'ai|nous aurions|nous avons) besoin (?:de|d'|du|des)",
                r"il me (?:faudrait|faut) (?:le|la|l'|les|votre|vos|un|une|des)",
                r"(?:j'aimerais|je voudrais|j'aimerai|je souhaiterais|je souhaite) (?:bien |egalement |aussi )?(?:savoir|comprendre|connaitre|voir|avoir)",
                r"(?:captures? d'ecran|video|url|lien|copie|logs?)[a-z' -]{0,40}(?:m'aiderait|nous aiderait|aiderait|serait utile|serait tres utile|m'aiderait beaucoup)",
                r"je serais (?:curieux|curieuse) de",
                r"(?:repondez|repondez-moi) (?:simplement )?(?:avec|en m'indiquant|en precisant)",
            ]),
            bare_request: rx(
                r"^(?:(?:et|puis|ensuite|aussi|egalement|sinon|enfin|d'abord|si possible|si vous pouvez),? ){0,3}(?:envoyez|transmettez|joignez|collez|partagez|faites-(?:moi|nous) parvenir|copiez-collez|communiquez)(?:-(?:moi|nous))?(?: (?:moi|nous|aussi|egalement|simplement|juste))* (?:la|le|les|l'|votre|vos|un|une|des|ce|cette|ces|tous|toutes|chaque|captures?)",
            ),
            not_request: rx(
                r"\b(?:a (?:votre|vos|leurs?) (?:equipe|collegues?|developpeurs?|clients|utilisateurs|visiteurs|comptable|hebergeur|administrateur|prestataire|agence|banque)|a (?:chaque|tous|toutes|un collegue|eux|lui|elle)|dans (?:votre|le|la|les|ce|cette) (?:theme|fichier|champ|code|editeur|console|terminal|modele|formulaire|extension|page)|avec (?:votre|vos) (?:equipe|collegues?|developpeurs?|clients)|avec (?:eux|lui|elle|toute l'equipe)|un test)\b",
            ),
            invitation: alt(&[
                r"n'hesitez pas a (?:me |m'|nous )?(?:l'|le |la |les )?(?:envoyer|transmettre|joindre|partager|communiquer|preciser|decrire|dire|indiquer|ajouter)",
                r"tout (?:autre )?(?:element|detail|information) (?:utile|qui)",
            ]),
            hypothesis: alt(&[
                r"si (?:c'est|vous cherchez|vous souhaitez|vous voulez|votre but|votre objectif|ce que vous)",
            ]),
            skip_question: alt(&[
                r"autre chose (?:que je|que nous|qu'on|pour (?:vous|toi|laquelle)|a faire pour|dont vous (?:auriez|avez) besoin)",
                r"(?:y a-t-il|y-a-t-il|puis-je faire|je peux faire|pouvons-nous faire|besoin d'|besoin de quelque) (?:quelque )?autre chose",
                r"^autre chose",
                r"(?:voulez|souhaitez|aimeriez|voudriez)-vous que (?:je|nous)",
                r"puis-je (?:vous aider|faire)",
                r"(?:est-ce que )?(?:cela|ca|ceci) (?:vous )?(?:aide|convient|va|repond|vous va)",
                r"comment allez-vous",
                r"que puis-je faire",
                r"(?:est-ce|c'est) (?:clair|bon)",
            ]),
            not_offer: alt(&[r"ou (?:autre chose|quelque chose d'autre|autre)"]),
            suggestion: rx(
                r"^(?:(?:et|alors|sinon|bref),? )?(?:pourquoi ne pas|peut-etre (?:essayer|tester|changer|lire|utiliser|mettre a jour|passer)|et si vous (?:essayiez|changiez|lisiez|utilisiez|passiez))\b|^(?:pourriez|pouvez)[- ]vous (?:essayer|vider|mettre a jour|desactiver|activer|installer|reinstaller|redemarrer|cliquer|aller|vous reconnecter)\b",
            ),
            generic: alt(&[
                r"plus de (?:details|precisions|informations|infos|contexte|elements)",
                r"(?:m'|nous )?en dire (?:un peu )?plus",
                r"preciser (?:votre|ta) (?:demande|probleme|question)",
                r"davantage",
                r"plus d'informations",
            ]),
            opener: rx(
                r"^(?:quel|quelle|quels|quelles|quand|pourquoi|comment|combien|depuis|si|est-ce|(?:a|sur|dans|avec|pour|chez|sous|de) (?:quel|quelle|quels|quelles)|avez-vous|etes-vous|utilisez-vous|y a-t-il|qu'est-ce|que|qu'|ou|(?:me |m'|nous )(?:envoyer|transmettre|joindre|communiquer|indiquer|preciser|copier|coller|partager|decrire|dire|montrer)|(?:envoyez|transmettez|joignez|communiquez|indiquez|precisez|copiez|collez|partagez)(?:-moi|-nous)?)\b",
            ),
            determiner: rx(r"^(?:la|le|les|l'|votre|vos|un|une|des|quel|quelle|quels|quelles)"),
            open_wh: alt(&[
                "quel",
                "quelle",
                "quels",
                "quelles",
                "pourquoi",
                "comment",
                "que",
                "qu'est-ce",
                "quoi",
                "ce que",
                "qu'",
            ]),
            yesno: rx(
                r"^(?:est-ce|avez-vous|etes-vous|y a-t-il|faut-il|(?:[a-z']+ ){0,4}[a-z']+-(?:t-)?(?:il|elle|ils|elles|vous|on)\b)",
            ),
            tag: rx(
                r"^(?:n'est-ce pas|est-ce (?:bien )?(?:ca|cela|correct|exact)|c'est (?:bien )?(?:ca|cela|correct|exact)|(?:ai|aurais)-je (?:bien )?compris)\b",
            ),
            need_purpose: alt(&[
                r"pourquoi",
                r"qu'est-ce qui vous (?:a fait|fait|amene|a amene|pousse|a pousse|a decide|decide|motive)",
                r"a quoi (?:[a-z']+ ){0,2}(?:servir|sert|servirait|servira|serviraient|servent)",
                r"(?:dans|pour) quel (?:but|contexte|usage|besoin)",
                r"(?:que|qu') (?:cherchez|esperiez|souhaitez)-vous",
                r"quel (?:est|serait) (?:votre|le) (?:besoin|objectif|usage|but)",
                r"(?:votre|le) (?:cas d'usage|objectif|besoin)",
            ]),
            alternatives: rx(r"\bou\b"),
            topics: vec![
                topic(
                    K::ProbeRootCause,
                    2.0,
                    "asks since when / after what change / what was expected",
                    &[
                        r"depuis quand",
                        r"(?:quand|a quel moment) (?:est-ce que )?(?:le probleme|cela|ca|c'est|le ralentissement|l'erreur|le souci) (?:a )?(?:commence|apparu|survenu|arrive)",
                        r"(?:qu'est-ce qui|quelque chose|qu'avez-vous|avez-vous|rien) (?:a )?(?:change|modifie)",
                        r"(?:apres|depuis) (?:une|la|votre|un|le|l') ?(?:mise a jour|modification|migration|changement|demenagement|installation|ajout)",
                        r"(?:a quoi|que) vous (?:vous )?(?:attendiez|attendez)",
                        r"(?:que|qu'est-ce qui) se passe(?:-t-il)? (?:quand|lorsque|si|apres|exactement quand)",
                        r"(?:cela|ca) (?:a deja|fonctionnait|marchait)",
                        r"depuis hier",
                        r"(?:les deux|tous les|toutes les|chacun des|chacune des|chaque) (?:[a-z0-9'-]+ ){0,4}(?:(?:utilisent|partagent|ont|tournent)(?:-ils|-elles)? )?(?:la |le |les )?(?:meme|memes|identiques?|differente?s?)\b",
                        r"(?:la|le|les) (?:meme|memes) (?:cle|cles|compte|version|versions|configuration|reglages|serveur|reseau|certificat|navigateur|extension|theme|jeton|identifiants)",
                        r"(?:qu'est-ce qui|quoi|qu'y a-t-il de|ce qui) (?:est |a )?(?:de )?different",
                        r"differences? entre",
                        r"(?:fonctionne|marche|fonctionnait|marchait) (?:bien |correctement )?(?:sur|avec|pour|dans) (?:l'autre|le premier|la premiere|l'ancien|l'ancienne)",
                        r"(?:juste |peu de temps )?(?:avant|apres) (?:avoir|l'ajout|le passage|la migration|le changement)",
                    ],
                ),
                topic(
                    K::ProbeNeed,
                    1.5,
                    "asks about the need or use case behind it",
                    &[
                        r"pourquoi",
                        r"qu'est-ce qui vous (?:a fait|amene|pousse)",
                        r"(?:que|qu') (?:cherchez|souhaitez|voulez|aimeriez|esperiez|attendez)-vous",
                        r"ce que vous (?:cherchez|souhaitez|voulez|aimeriez|esperiez|attendez)",
                        r"a quoi (?:[a-z']+ ){0,2}(?:servir|sert|servirait|servira|serviraient|servent)",
                        r"(?:quel|quels) (?:est|sont) (?:votre|vos) (?:besoin|besoins|objectif|objectifs|usage)",
                        r"dans quel (?:but|contexte)",
                        r"(?:cherchez|souhaitez)-vous",
                        r"votre (?:objectif|besoin|usage|cas d'usage)",
                        r"utiliseriez",
                        r"(?:en|de) quoi (?:avez-vous|vous avez) besoin",
                    ],
                ),
                topic(
                    K::ProbeSymptom,
                    1.0,
                    "asks what exactly happens",
                    &[
                        r"que (?:voyez|constatez|obtenez)-vous",
                        r"qu'est-ce qui (?:ne (?:fonctionne|marche) pas|se passe|bloque|coince|ne va pas)",
                        r"ce qui (?:ne (?:fonctionne|marche) pas|se passe)",
                        r"(?:message d'erreur|erreur)",
                        r"(?:voyez|constatez|obtenez)-vous",
                        r"(?:page|ecran) blanche?",
                        r"la plus lente",
                        r"exactement",
                    ],
                ),
                topic(
                    K::ProbeEvidence,
                    1.0,
                    "asks for evidence (screenshot, logs, exact error)",
                    &[
                        r"captures? d'ecran",
                        r"captures?",
                        r"journaux",
                        r"logs?",
                        r"rapports?",
                        r"videos?",
                        r"traces?",
                        r"heure exacte",
                        r"horodatage",
                        r"(?:corps|contenu) de la (?:requete|reponse)",
                        r"requetes?",
                        r"codes? (?:de statut|http|d'erreur|de reponse)",
                        r"reponses? saml",
                        r"(?:la |le )?reponse (?:de l'api|du serveur|http|brute|complete|exacte)",
                        r"fichiers? (?:exporte|d'export|csv|har|xml|json|source|d'origine|concerne|problematique)s?",
                        r"exemples? de fichiers?",
                        r"fichiers?",
                        r"en-?tetes?",
                        r"entetes?",
                        r"journal",
                        r"onglet (?:reseau|network|console)",
                        r"(?:sortie|erreurs?|messages?) de la console",
                        r"console",
                        r"enregistrements? (?:d'ecran|video)",
                        r"charges? utiles?",
                        r"payload",
                        r"(?:message|e-?mail|avis) (?:de rejet|de non-remise|d'erreur|de retour)",
                        r"pieces? jointes?",
                    ],
                ),
                topic(
                    K::ProbeLocation,
                    1.0,
                    "asks where (page, URL)",
                    &[
                        r"pages?",
                        r"urls?",
                        r"liens?",
                        r"domaines?",
                        r"sur quel(?:le)?",
                        r"a quel endroit",
                        r"ecrans?",
                        r"adresse du site",
                        r"adresse (?:de la page|de cette page|de la boutique|du formulaire|exacte de la page|web|url)",
                    ],
                ),
                topic(
                    K::ProbeEnvironment,
                    1.0,
                    "asks about the environment",
                    &[
                        r"navigateurs?",
                        r"hebergeur",
                        r"hebergement",
                        r"appareils?",
                        r"systeme",
                        r"serveurs?",
                        r"langage",
                        r"plateformes?",
                        r"themes?",
                        r"extensions?",
                        r"modules?",
                        r"versions?",
                        r"wordpress",
                        r"php",
                        r"configuration",
                        r"cache",
                        r"navigation privee",
                        r"(?:fenetre|mode) (?:privee|incognito|de navigation privee)",
                        r"reglages?",
                        r"parametres?",
                        r"options?",
                        r"(?:est|sont) (?:selectionnee?s?|cochee?s?|activee?s?|choisie?s?)",
                        r"fournisseur d'identite",
                    ],
                ),
                topic(
                    K::ProbeIdentifier,
                    1.0,
                    "asks for an identifier (account, invoice, email)",
                    &[
                        r"numeros?",
                        r"factures?",
                        r"commandes?",
                        r"comptes?",
                        r"adresse e-?mail",
                        r"e-?mail",
                        r"cles?",
                        r"licences?",
                        r"identifiants?",
                        r"(?:identifiant|numero|id) (?:de|du|d') ?(?:commande|transaction|paiement|compte|facture|client|evenement)",
                        r"references?",
                        r"societe",
                    ],
                ),
                topic(
                    K::ProbeScope,
                    1.0,
                    "asks about scope or frequency",
                    &[
                        r"combien",
                        r"a chaque fois",
                        r"toutes les pages",
                        r"uniquement (?:sur|pour)",
                        r"seulement (?:sur|pour)",
                        r"toujours",
                        r"parfois",
                    ],
                ),
            ],
            topic_set: RegexSet::empty(),
        };
        let (en, fr) = (with_set(en), with_set(fr));
        CuriosityDetector {
            en,
            fr,
            boundary: rx(
                r"\s*[,;:]\s*(?:(?:and then|and|et ensuite|et|puis|then|ensuite)\s+)?|\s+(?:and then|and|et ensuite|et|puis|then)\s+",
            ),
        }
    }

    fn set(&self, lang: Lang) -> &LangSet {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// `rhetorical` are folded spans of rhetorical questions found by the
    /// tone pass; sentences overlapping them are not probes.
    pub fn detect(
        &self,
        f: &Folded,
        langs: &[Lang],
        rhetorical: &[Range<usize>],
    ) -> CuriosityFindings {
        let text = f.as_str();
        let mut probes: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        let mut extras: Vec<(K, f64, &'static str, Range<usize>)> = Vec::new();
        // One pass over the whole text per pattern, not one per sentence.
        let hay = text.as_bytes();
        let starts =
            |re: &Regex| -> Vec<Range<usize>> { re.find_iter(hay).map(|m| m.range()).collect() };
        let pre: Vec<[Vec<Range<usize>>; 3]> = langs
            .iter()
            .map(|&l| {
                let set = self.set(l);
                [
                    starts(&set.request),
                    starts(&set.invitation),
                    starts(&set.hypothesis),
                ]
            })
            .collect();
        let first_in = |v: &[Range<usize>], sent: &Range<usize>| {
            v.iter()
                .find(|r| r.start >= sent.start && r.start < sent.end)
                .cloned()
        };
        for sent in sentences(text) {
            if rhetorical
                .iter()
                .any(|r| r.start < sent.end && sent.start < r.end)
            {
                continue;
            }
            let s = &text[sent.clone()];
            let is_question = s.trim_end_matches(['"', ')', ' ', '#', '.']).ends_with('?');
            for (li, &lang) in langs.iter().enumerate() {
                let set = self.set(lang);
                let [req, inv, hyp] = &pre[li];
                for r in hyp
                    .iter()
                    .filter(|r| r.start >= sent.start && r.start < sent.end)
                {
                    extras.push((
                        K::Hypothesis,
                        0.5,
                        "explores a hypothesis about the need",
                        r.clone(),
                    ));
                }
                // Where the probing part of the sentence starts, and what a
                // clause without a topic is worth there.
                let request = first_in(req, &sent)
                    .map(|m| m.start - sent.start)
                    .or_else(|| set.bare_request.find(s.as_bytes()).map(|m| m.start()))
                    .filter(|&at| !set.not_request.is_match(&s.as_bytes()[at..]));
                // A request lists items: "the URL, the ID, the codes" are
                // three probes.
                let list = request.is_some();
                let (start, headless) = if is_question {
                    if set.skip_question.is_match(s.as_bytes())
                        && !set.not_offer.is_match(s.as_bytes())
                    {
                        continue;
                    }
                    (0, (K::ProbeOther, 1.0, "asks a specific question"))
                } else if let Some(at) = request {
                    (at, (K::ProbeOther, 1.0, "asks for specific information"))
                } else if let Some(m) = first_in(inv, &sent) {
                    (
                        m.start - sent.start,
                        (K::Invitation, 0.5, "invites further detail"),
                    )
                } else {
                    continue;
                };
                let found = self.clauses(set, s, start, headless, list);
                let any = !found.is_empty();
                for (kind, w, label, r) in found {
                    let item = (kind, w, label, shift(r, sent.start));
                    if kind == K::Invitation {
                        extras.push(item);
                    } else {
                        probes.push(item);
                    }
                }
                if any {
                    break;
                }
            }
        }
        let probe_total: f64 = probes.iter().map(|p| p.1).sum();
        let has_specific = probes.iter().any(|p| p.0 != K::GenericRequest);
        let mut total = probe_total;
        let mut evidence: Vec<Evidence> = probes
            .into_iter()
            .map(|(kind, weight, label, r)| Evidence {
                kind,
                dimension: Dimension::Curiosity,
                label: label.into(),
                span: f.orig(r),
                weight,
            })
            .collect();
        for (kind, weight, label, r) in extras {
            // Hypotheses only count next to real probes; invitations alone
            // are a generic request for more.
            let w = if probe_total > 0.0 || kind == K::Invitation {
                weight
            } else {
                0.0
            };
            if w == 0.0 {
                continue;
            }
            total += w;
            evidence.push(Evidence {
                kind,
                dimension: Dimension::Curiosity,
                label: label.into(),
                span: f.orig(r),
                weight: w,
            });
        }
        evidence.sort_by_key(|e| e.span.start);
        let grade = if total >= GRADE2_AT && has_specific {
            2
        } else if total > 0.0 {
            1
        } else {
            0
        };
        let score = if grade == 2 {
            (total.min(SCORE_FULL_AT) / SCORE_FULL_AT).max(GRADE2_AT / SCORE_FULL_AT)
        } else {
            (total.min(GRADE2_AT - 0.01) / SCORE_FULL_AT).clamp(0.0, 1.0)
        };
        CuriosityFindings {
            score: DimensionScore { grade, score },
            evidence,
            total,
        }
    }

    /// Splits `s[start..]` into probe clauses and weighs each.
    fn clauses(
        &self,
        set: &LangSet,
        s: &str,
        start: usize,
        headless: (K, f64, &'static str),
        list: bool,
    ) -> Vec<(K, f64, &'static str, Range<usize>)> {
        let b = s.as_bytes();
        // (clause start, end of the previous clause)
        let mut cuts = vec![(start, start, false)];
        for m in self.boundary.find_iter(&b[start..]) {
            let at = start + m.end();
            let prev_end = start + m.start();
            let rest = &b[at..];
            let joined = m.as_bytes().iter().any(|c| matches!(c, b';' | b':'))
                || m.as_bytes().windows(3).any(|w| w == b"and")
                || m.as_bytes().windows(2).any(|w| w == b"et");
            if set.tag.is_match(rest) {
                continue;
            } else if set.yesno.is_match(rest) {
                cuts.push((at, prev_end, true));
            } else if set.opener.is_match(rest) {
                cuts.push((at, prev_end, false));
            } else if (joined || list) && set.determiner.is_match(rest) {
                // In a list of requested items, "…, the ID or the email"
                // offers alternatives: one item, not a new one.
                if joined || !self.next_segment_has_alternatives(set, rest) {
                    cuts.push((at, prev_end, true));
                }
            } else if list && self.is_bare_item(set, rest) {
                cuts.push((at, prev_end, true));
            }
        }
        let end = s
            .trim_end_matches(['?', '.', '!', ' ', '"', ')'])
            .len()
            .max(start);
        let mut out = Vec::new();
        let mut headless_clauses = Vec::new();
        for (i, &(c, _, item)) in cuts.iter().enumerate() {
            let e = cuts.get(i + 1).map(|x| x.1).unwrap_or(end).max(c);
            let clause = &s[c..e];
            let trimmed_end = c + clause.trim_end_matches([',', ';', ':', ' ']).len();
            let range = c..trimmed_end.max(c);
            if set.suggestion.is_match(clause.as_bytes()) {
                if i == 0 {
                    // "Could you clear the cache and the cookies?" is advice.
                    return Vec::new();
                }
                continue;
            }
            let cb = clause.as_bytes();
            let best = set
                .topic_set
                .matches(cb)
                .into_iter()
                .map(|i| &set.topics[i])
                .map(|t| {
                    let w = if t.kind == K::ProbeNeed && !set.open_wh.is_match(cb) {
                        1.0
                    } else {
                        t.weight
                    };
                    // "What would you use it for: X or Y?" is aimed at the
                    // need itself.
                    if t.kind == K::ProbeNeed
                        && w >= OPEN_NEED_WEIGHT
                        && set.need_purpose.is_match(cb)
                        && set.alternatives.is_match(&b[c..])
                    {
                        return (
                            t.kind,
                            NEED_WITH_ALTERNATIVES_WEIGHT,
                            NEED_WITH_ALTERNATIVES_LABEL,
                        );
                    }
                    (t.kind, w, t.label)
                })
                .fold(None, |acc: Option<(K, f64, &str)>, x| match acc {
                    Some(a) if a.1 >= x.1 => Some(a),
                    _ => Some(x),
                });
            match best {
                Some((k, w, l)) => out.push((k, w, l, range)),
                None if set.generic.is_match(cb) => {
                    out.push((K::GenericRequest, 0.75, "generic request for more", range))
                }
                None => {
                    // A clause without a topic counts on its own only when
                    // it opens with a question word, or is the whole probe.
                    // A second item joined by "and the…" is a request too.
                    let wh = set
                        .open_wh
                        .find(cb)
                        .map(|m| m.start() == 0)
                        .unwrap_or(false);
                    if wh || item {
                        out.push((headless.0, headless.1, headless.2, range));
                    } else {
                        headless_clauses.push(range);
                    }
                }
            }
        }
        if out.is_empty() {
            if let Some(r) = headless_clauses.into_iter().next() {
                out.push((headless.0, headless.1, headless.2, r));
            }
        }
        out
    }
}

impl CuriosityDetector {
    /// `rest` up to the next clause boundary.
    fn next_segment<'a>(&self, rest: &'a [u8]) -> &'a [u8] {
        match self.boundary.find(rest) {
            Some(m) => &rest[..m.start()],
            None => rest,
        }
    }

    /// "…, screenshots and logs": a short noun phrase naming a probe
    /// topic, not a new clause with its own subject ("and I'll check").
    fn is_bare_item(&self, set: &LangSet, rest: &[u8]) -> bool {
        let seg = self.next_segment(rest);
        let words = seg.split(|c| *c == b' ').filter(|w| !w.is_empty());
        let mut n = 0;
        for (i, w) in words.enumerate() {
            if i == 0
                && (PRONOUNS.iter().any(|p| w == p.as_bytes())
                    || [b"i'", b"j'", b"c'"].iter().any(|p| w.starts_with(*p)))
            {
                return false;
            }
            n += 1;
        }
        n <= 5 && set.topic_set.is_match(seg)
    }

    fn next_segment_has_alternatives(&self, set: &LangSet, rest: &[u8]) -> bool {
        set.alternatives.is_match(self.next_segment(rest))
    }
}

/// Words that open a clause with its own subject.
const PRONOUNS: &[&str] = &[
    "i", "we", "you", "it", "that", "this", "they", "there", "je", "nous", "on", "vous", "il",
    "elle", "ce", "cela", "ca",
];

fn with_set(mut set: LangSet) -> LangSet {
    set.topic_set = RegexSetBuilder::new(set.topics.iter().map(|t| t.pattern.as_str()))
        .unicode(false)
        .size_limit(1 << 24)
        .dfa_size_limit(1 << 24)
        .build()
        .expect("valid topic patterns");
    set
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::tone::ToneDetector;

    fn grade(text: &str, lang: Lang) -> u8 {
        let f = Folded::new(text);
        let rhet = ToneDetector::new().detect(text, &f, &[lang]).rhetorical;
        CuriosityDetector::new()
            .detect(&f, &[lang], &rhet)
            .score
            .grade
    }

    #[test]
    fn no_questions_no_curiosity() {
        assert_eq!(grade("Clear your cache and it will work.", Lang::En), 0);
        assert_eq!(
            grade("Please make sure you run the latest version.", Lang::En),
            0
        );
        assert_eq!(grade("Videz le cache et réessayez.", Lang::Fr), 0);
    }

    #[test]
    fn rhetorical_questions_earn_nothing() {
        assert_eq!(grade("Did you even read the docs?", Lang::En), 0);
        assert_eq!(
            grade("Avez-vous seulement lu la documentation ?", Lang::Fr),
            0
        );
        assert_eq!(
            grade("Is it really that hard to click the button?", Lang::En),
            0
        );
    }

    #[test]
    fn offers_and_check_ins_are_not_probes() {
        assert_eq!(
            grade("Is there anything else I can help you with?", Lang::En),
            0
        );
        assert_eq!(grade("Does that help?", Lang::En), 0);
        assert_eq!(
            grade("Voulez-vous que je le fasse pour vous ?", Lang::Fr),
            0
        );
    }

    #[test]
    fn imperative_requests_count() {
        assert_eq!(grade("Please send me the URL.", Lang::En), 1);
        assert_eq!(grade("Envoyez-moi l'URL.", Lang::Fr), 1);
        assert_eq!(
            grade("Pourriez-vous m'envoyer une capture d'écran", Lang::Fr),
            1
        );
        assert_eq!(
            grade(
                "Send me the page URL and a screenshot of the error.",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn generic_request_is_one() {
        assert_eq!(grade("Can you give me more details?", Lang::En), 1);
        assert_eq!(grade("Pouvez-vous m'en dire plus ?", Lang::Fr), 1);
    }

    #[test]
    fn several_specific_probes_are_two() {
        assert_eq!(
            grade(
                "Which browser are you using, and on which page does it happen?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Quel navigateur utilisez-vous, et sur quelle page cela se produit-il ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade(
                "What changed on your site right before it stopped working?",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn one_question_at_the_root_cause_is_two() {
        // what differs between the working and the failing case
        assert_eq!(
            grade(
                "Do the staging and live sites use the same license key?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Did the timeouts begin right after you added the CDN?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Les deux boutiques partagent-elles la même clé d'API ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(grade("Which plan are you on?", Lang::En), 1);
    }

    #[test]
    fn chained_requests_are_separate_probes() {
        assert_eq!(
            grade(
                "Pourriez-vous m'indiquer votre version de PHP, puis activer le mode debug et nous envoyer le fichier de log ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade(
                "Could you tell me the plugin version, then enable debugging and attach the error log?",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn accusatory_french_questions_earn_nothing() {
        assert_eq!(
            grade(
                "Vous avez vraiment changé de thème sans tester avant ?",
                Lang::Fr
            ),
            0
        );
        assert_eq!(grade("Vous avez vidé le cache, au moins ?", Lang::Fr), 0);
    }

    #[test]
    fn alternatives_stay_one_probe() {
        assert_eq!(
            grade(
                "Would you use it in the dashboard or in the widget?",
                Lang::En
            ),
            1
        );
    }
    #[test]
    fn bare_imperative_requests_count() {
        assert_eq!(
            grade(
                "Send the page URL, the plugin version, the error log.",
                Lang::En
            ),
            2
        );
        assert_eq!(grade("Forward the rejection notice.", Lang::En), 1);
        assert_eq!(grade("Paste the full stack trace.", Lang::En), 1);
        assert_eq!(
            grade(
                "Grab me the payment ID and the webhook delivery log.",
                Lang::En
            ),
            2
        );
        assert_eq!(grade("Envoyez la capture et le journal.", Lang::Fr), 2);
        assert_eq!(grade("Transmettez-moi le numéro de facture.", Lang::Fr), 1);
        // instructions that send something elsewhere are not requests
        assert_eq!(grade("Send a test email to yourself.", Lang::En), 0);
        assert_eq!(
            grade("Paste this snippet into your theme file.", Lang::En),
            0
        );
        assert_eq!(grade("Share the link with your team.", Lang::En), 0);
        // alternatives in a list stay one item
        assert_eq!(
            grade("Send me the order ID or the account email.", Lang::En),
            1
        );
    }

    #[test]
    fn evidence_nouns_are_probes() {
        assert_eq!(
            grade(
                "Could you send the HAR file and the response headers?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Please attach a sample file, the console output and a screen recording.",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Pouvez-vous m'envoyer le fichier exporté et les en-têtes de l'e-mail ?",
                Lang::Fr
            ),
            2
        );
    }

    #[test]
    fn french_inverted_questions() {
        assert_eq!(
            grade(
                "Quel thème utilisez-vous, la page s'affiche-t-elle en navigation privée ?",
                Lang::Fr
            ),
            2
        );
        assert_eq!(
            grade("Le formulaire fonctionne-t-il sur mobile ?", Lang::Fr),
            1
        );
        assert_eq!(grade("Quelle passerelle est sélectionnée ?", Lang::Fr), 1);
        assert_eq!(
            grade("Utilisez-vous Cloudflare, ou autre chose ?", Lang::Fr),
            1
        );
        assert_eq!(
            grade(
                "Y a-t-il autre chose que je puisse faire pour vous ?",
                Lang::Fr
            ),
            0
        );
        assert_eq!(grade("Are you on Shopify, or something else?", Lang::En), 1);
    }

    #[test]
    fn suggestions_phrased_as_questions_are_not_probes() {
        assert_eq!(
            grade("Perhaps try a browser from this century?", Lang::En),
            0
        );
        assert_eq!(grade("Why not simply check the FAQ?", Lang::En), 0);
        assert_eq!(grade("Maybe try clearing the cache?", Lang::En), 0);
        assert_eq!(
            grade(
                "Pourquoi ne pas tout simplement relire la notice ?",
                Lang::Fr
            ),
            0
        );
    }

    #[test]
    fn need_question_with_alternatives_is_two() {
        assert_eq!(
            grade(
                "What would you use the export for — monthly reporting or backups?",
                Lang::En
            ),
            2
        );
        assert_eq!(
            grade(
                "Pourquoi en avez-vous besoin : pour un client, ou pour vous-même ?",
                Lang::Fr
            ),
            2
        );
        // where it would be used is a preference, not the need
        assert_eq!(
            grade(
                "Where would you show it, in the footer or in the sidebar?",
                Lang::En
            ),
            1
        );
        assert_eq!(grade("Could you tell me why you need it?", Lang::En), 1);
    }

    #[test]
    fn tag_questions_are_not_extra_probes() {
        assert_eq!(
            grade("So the sync only breaks at night, is that right?", Lang::En),
            1
        );
    }
}
