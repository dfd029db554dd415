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

use regex::bytes::Regex;

use super::text::{alt, negated, sentences, Folded, Rule, RuleSet};
use super::types::{Dimension, DimensionScore, Evidence, EvidenceKind as K, Lang};

/// Total at or above which empathy is graded 2, provided at least one
/// engagement marker is present (see [`is_engagement`]).
pub const GRADE2_AT: f64 = 0.85;
/// Total at or above which empathy is graded 1.
pub const GRADE1_AT: f64 = 0.15;
/// Bonus for exploring the person's situation (curiosity grade 1 / 2):
/// only when the answer already shows some courtesy and asks, openly, what
/// they are going through ("what exactly isn't working for you?", "how is
/// this affecting your team?", "ce que vous voyez", see
/// [`SITUATION_EN`]/[`SITUATION_FR`]). Technical probes (versions, logs,
/// settings) are curiosity, not empathy: they earn no bonus, so "Hi +
/// good questions" stays a 1 (see also [`NEED_EXPLORATION_BONUS`]).
pub const EXPLORATION_BONUS: [f64; 3] = [0.0, 0.25, 0.4];
/// Open questions about the person's situation or the impact on them.
pub const SITUATION_EN: &[&str] = &[
    r"what (?:exactly |precisely )?(?:isn't|is not|doesn't|does not|wasn't|was not|didn't|did not|went|goes|is going|is happening|happens) (?:working|work|wrong|right|on|for you|to you)",
    r"what (?:you(?:'re| are)?|do you|did you|are you|were you) (?:exactly |actually )?(?:expect|expected|expecting|see|seeing|saw|need|want|hoping|trying|experiencing|running into|going through)",
    r"help (?:me|us) (?:better )?understand",
    r"walk me through",
    r"tell me (?:a bit |a little )?more about (?:your|what|how|the situation)",
    r"how (?:is|was|has|are) (?:this|it|the \w+|that) (?:been )?(?:affecting|impacting|hitting|disrupting)",
    r"(?:how|in what way) (?:does|did|will|would) (?:this|it|that) (?:affect|impact|disrupt)",
    r"(?:is|was) (?:this|it|that) (?:blocking|stopping|holding up|affecting|impacting) (?:you|your)",
    r"how (?:urgent|critical|pressing|serious) is",
    r"(?:any|is there a|do you have a|is there any) (?:deadline|launch date|time constraint|time pressure|cut-?off)",
    r"how many of your",
    r"(?:what's|what is|what's been) the (?:impact|effect) on (?:you|your)",
    r"what (?:would )?(?:works?|matters) (?:best |most )?(?:for|to) you",
];
pub const SITUATION_FR: &[&str] = &[
    r"(?:qu'est-ce qui|ce qui) (?:ne (?:fonctionne|marche) (?:pas|plus)|bloque|coince|pose probleme|se passe)",
    r"ce que vous (?:voyez|attendiez|attendez|souhaitez|cherchez|vouliez|voulez|essayez|constatez|obtenez|vivez)",
    r"(?:m'aider|nous aider) a (?:mieux )?(?:comprendre|cerner)",
    r"(?:expliquez|racontez|decrivez)-moi",
    r"(?:comment|en quoi) (?:cela|ca|ce probleme|ce souci|ce bug) (?:vous )?(?:affecte|impacte|gene|bloque|penalise)",
    r"est-ce que (?:cela|ca) (?:vous )?(?:bloque|empeche|impacte|affecte|penalise)",
    r"(?:cela|ca) vous (?:bloque|empeche|penalise|impacte)[^.?!]*\?",
    r"(?:avez-vous|vous avez) une (?:echeance|date limite|deadline|contrainte de temps)",
    r"combien de vos",
    r"quel (?:est|a ete) l'impact",
    r"ce (?:qu'il vous faut|dont vous avez besoin|qui vous conviendrait|qui compte pour vous)",
];
/// Bonus when the exploration asks, openly, about the person's need or
/// motive ("what were you hoping…", "qu'est-ce qui vous amène…"); with
/// curiosity 2 it counts as engagement.
pub const NEED_EXPLORATION_BONUS: [f64; 3] = [0.0, 0.35, 0.8];
/// "so I can look into it" after a request: an intention, weaker than a
/// commitment ("I'll look into it"). It counts as engagement only next to
/// real exploration (curiosity 2).
pub const PURPOSE_WEIGHT: f64 = 0.25;
pub const PURPOSE_LABEL: &str = "means to look into it (purpose clause)";
/// Offers that only close the message ("anything else I can help with?").
const STOCK_OFFER_WEIGHT: f64 = 0.2;
/// Stock friendliness ("good to hear from you", "ravi de vous lire",
/// "hope you're well"): courtesy, grade 1 alone.
pub const STOCK_FRIENDLINESS_LABEL: &str = "stock friendliness";

pub struct EmpathyDetector {
    en: RuleSet,
    fr: RuleSet,
    situation_en: Regex,
    situation_fr: Regex,
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
            // Stock friendliness ("good to hear from you", "happy Monday",
            // "hope you're well") is courtesy, not engagement; listed first
            // so it hides the warmth rules it overlaps.
            Rule::new(
                K::Courtesy,
                0.2,
                STOCK_FRIENDLINESS_LABEL,
                &[
                    r"(?:so |always |really |very )?(?:good|great|nice|lovely|wonderful|a pleasure|a joy|happy|glad|delighted) to (?:hear from|hear back from) you(?: again)?",
                    r"(?:so |always |really )?(?:good|great|nice|lovely|wonderful|a pleasure|happy|glad) to (?:see|meet) you(?: again| here)?\s*[,.!]",
                    r"happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|new year|holidays|holiday season|hump day)",
                    r"(?:i |we )?hope (?:you(?:'re| are) (?:well|doing well|keeping well|having a (?:good|great|nice|lovely) \w+)|(?:this|my) (?:message|email|note) finds you well|all is well|(?:your|the) (?:week|day|weekend) (?:is|has been) (?:going )?(?:well|good|great))",
                    r"(?:i |we )?hope you(?:'ve| have) had a (?:good|great|nice|lovely) \w+",
                ],
            ),
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
                    // the concrete impact on their business, in their terms:
                    // "your shoppers can't complete an order", "a real gap in
                    // your data", "the whole team is locked out", "nobody can
                    // work", "you're losing sales"
                    r"your (?:shoppers|staff|employees|members|subscribers|students|patients|guests|agents|colleagues|people|team members|customers|visitors|users|clients|buyers|readers) (?:can't|cannot|are unable to|couldn't|can no longer|aren't able to|are not able to) (?:complete|place|receive|get|open|download|book|send|submit|finish|load|find|log on|get in|do)\b",
                    r"(?:a |an )?(?:real |big |serious |huge |significant |major |painful |nasty |worrying )(?:gap|hole|loss|blow|hit|setback|blocker|disruption|dent) (?:in|to|for|on) (?:your|their)\b",
                    r"(?:gap|hole|holes|gaps) in your (?:data|records|reports|reporting|analytics|history|books|accounts|numbers|stats|statistics|metrics|logs)",
                    r"(?:the |your )?(?:whole|entire) (?:team|company|office|staff|department|organi[sz]ation|shop|store|business|site|class|school|crew) (?:is|was|are|were|has been|have been|being|got) (?:completely |totally |now )?(?:locked out|down|blocked|stuck|offline|at a standstill|unable|grounded|cut off|idle|out of action)",
                    r"(?:nobody|no one|no-one)(?: (?:on|in|at) (?:your|the) (?:team|office|company|staff|side|shop|store))? (?:can|could|is able to|was able to) (?:work|log ?in|sign ?in|access|get in|get any work done|do (?:anything|their (?:job|jobs|work)|any work)|check ?out|pay|order)",
                    r"(?:you're|you are|you've been|you have been|your (?:store|shop|business|team|site) is) (?:losing|missing out on|leaking) (?:sales|orders|money|revenue|bookings|leads|customers|signups|sign-ups|business|subscribers)",
                    r"cost(?:ing|s)? you (?:sales|orders|money|revenue|customers|bookings|business|leads)",
                    r"(?:your|the) (?:launch|sale|campaign|deadline|demo|event|checkout|business|payroll|month-end|go-live|release) (?:is|was) (?:now )?(?:at risk|on hold|in jeopardy|blocked|stalled)",
                    r"(?:why|how) you (?:feel|felt|must feel)",
                    r"(?:right|just|the day|the week|the night) (?:before|after|during) (?:your|a|the) (?:launch|sale|deadline|demo|meeting|event|campaign|holidays?|release|opening|trip)",
                    r"(?:can|could|would) (?:stop|block|break|hurt|cost|affect|disrupt) (?:a |your |the )?(?:whole |entire )?(?:integration|business|sales|shop|store|site|launch|workflow|day|work|revenue)",
                    r"i'd feel the same",
                    r"(?:i'm|i am) (?:so |really )?sorry you(?:'ve| have)? had to",
                    r"(?:you've|you have) had to (?:write|ask|wait|chase|contact)",
                    // "garbled names are no fun", "losing a morning to this is
                    // the worst", "a miserable thing to discover"
                    r"(?:is|are|was|were|'s|'re) (?:a |an )?(?:real |really |such a |so |truly |pretty |quite |absolutely |genuinely |never |always |just |the )?(?:no fun|miserable|painful|frustrating|stressful|worrying|annoying|maddening|infuriating|exasperating|nerve-wracking|a nightmare|nightmare|a headache|a real pain|a pain|awful|horrible|rough|tough|a big hit|big hit|a blow|a shock|unsettling|disheartening|disappointing|upsetting|not fun|never fun|scary|a worry)\b",
                    r"(?:is|are|was|'s) (?:just |really |truly |honestly )?the worst(?: part| thing| feeling)?\s*[,.!;-]",
                    r"(?:that's|that is|this is) (?:genuinely |really |just |simply )?not (?:okay|ok|acceptable|good enough|fair)",
                    r"(?:a |an |the )(?:miserable|frustrating|stressful|painful|horrible|nasty|awful|rough|scary|worrying|annoying|unpleasant|unwelcome) (?:thing|way|experience|surprise|start|morning|day|week|night|situation|moment|discovery)",
                    r"(?:rough|hard|tough) on (?:the|your) (?:eyes|nerves|team|business|budget|schedule)",
                    r"nobody (?:likes|wants|enjoys|needs)",
                    r"no one (?:likes|wants|enjoys|needs)",
                    r"(?:i'd|i would) (?:be|feel) (?:just as |the same|exactly the same|frustrated|annoyed|worried|upset|stressed)",
                    r"you're right to be (?:\w+ )?(?:fed up|frustrated|upset|annoyed|worried|concerned|angry)",
                    r"(?:right|fair enough) to be (?:fed up|frustrated|upset|annoyed|worried|concerned)",
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
                K::Ownership,
                PURPOSE_WEIGHT,
                PURPOSE_LABEL,
                &[
                    r"so (?:that )?(?:i|we) (?:can|could|may) [a-z]+",
                    r"(?:to|in order to) (?:let|help) (?:me|us) [a-z]+",
                ],
            ),
            Rule::new(
                K::OfferOfHelp,
                0.5,
                "offers further help",
                &[
                    r"(?:i'd|i would|i'll|i will|we'd|we would|we'll|we will|i'm|i am|we're|we are) (?:be )?(?:so |more than |very |always |also |really )?(?:glad|happy|delighted|here|pleased) to (?:help|walk|assist|show|guide|set|take|look|jump|hop|go through|go over|have a look|answer|adapt|tailor|customi[sz]e|adjust|tweak|write|draft|explain|review|configure|do|send|share|call|check|dig|work|run|put|build|fix|sort|talk|debug|troubleshoot|test|pair)",
                    r"(?:i|we)(?: can| could|'ll| will) (?:also |gladly |happily )?(?:adapt|tailor|customi[sz]e|adjust|tweak|replay|rerun|re-run|resend|redo|recreate|reissue|restore|recover|backfill|resync|re-sync|reimport|re-import|reprocess|re-process|retrigger|re-trigger|redeliver|re-deliver|roll back|revert|rebuild|regenerate|reinstate) (?:it|this|that|them|the|your|a|an|all|any|those|these|every)\b",
                    // a workaround offered proactively
                    r"(?:in the meantime|meanwhile|until (?:then|the fix (?:is|ships|lands)|it's fixed)),? (?:you can|you could|you may|you might|try|a (?:quick |simple |temporary )?workaround|as a workaround|there's|there is|one option|i'd suggest|i suggest|i recommend|i can|we can)",
                    r"(?:as a|a|one|there's a|there is a|here's a) (?:quick |simple |temporary |possible |good |safe )?(?:workaround|stopgap|interim fix|temporary fix)",
                    r"(?:happy|glad|here) to help",
                    r"(?:happy|glad|delighted|pleased) to (?:adapt|tailor|customi[sz]e|adjust|tweak|write|draft|walk you|set (?:it|this|that) up|explain|review|hop on|jump on|have a (?:look|quick look|closer look)|take a (?:look|quick look|closer look)|go over|look over|look into|go through|pair|debug|troubleshoot|double-check|test|reproduce|screen-?share|get on a call|dig in)",
                    r"(?:i|we) (?:can|could) (?:also |gladly |happily )?(?:review|go over|look over|go through|debug|troubleshoot|double-check|pair on|jump on a call|hop on a call|get on a call|screen-?share) (?:it|this|that|them|the|your|with you)\b",
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
                    // solidarity
                    r"(?:i'm|i am|we're|we are) (?:totally |completely |right )?with you\b",
                    r"(?:you're|you are) (?:not the only|not alone|in good company)",
                ],
            ),
            Rule::new(
                K::Ownership,
                0.5,
                "takes ownership",
                &[
                    r"(?:i'll|i will|i'm going to|let me|we'll|we will) (?:personally |now |immediately |right away |also |gladly |quickly )?(?:look|check|investigate|dig|make sure|take care|handle|fix|follow up|get back|sort|keep you|escalate|update you|reply|find|see what|raise|flag|chase|test|reproduce|contact|talk|loop|be in touch|let you know)",
                    r"(?:i've|i have|we've|we have) (?:personally )?(?:taken|escalated|flagged|opened|raised|logged|reported|looped|assigned)",
                    r"let's (?:sort|fix|figure|get|work|look|solve|find|check|see|try|make|narrow|get to the bottom)",
                    // commitment and solidarity: "I'll keep at it with you
                    // until…", "won't hand it off until", "we'll get to the
                    // bottom of it"
                    r"(?:i'll|i will|we'll|we will|i'm going to|we're going to) (?:keep at it|keep working|keep going|stay|stick|work through (?:it|this))(?: on (?:it|this))?(?: with you)?",
                    r"(?:won't|will not|wont) (?:hand (?:it|this) off|let (?:it|this) go|give up|stop|rest|close (?:it|this|the ticket))\b[^.?!]*\buntil",
                    r"(?:i'll|i will|we'll|we will|i'm going to|we're going to|i won't|we won't|i'm not going to) [^.?!]*\buntil\b",
                    r"get to the bottom",
                    // owning the fault or the fix: "this is likely our
                    // fault", "that's on us", "I'm treating this as a
                    // priority", "figure it out with you"
                    r"(?:this|that|it)(?:'s| is| was| looks| seems) (?:likely |probably |most likely |almost certainly |definitely |clearly |entirely |totally |fully |very likely |like )?(?:our|my) (?:fault|mistake|bug|error|doing|responsibility)",
                    r"(?:that|this|it)(?: one)?(?:'s| is| was) (?:entirely |totally |completely |all |squarely |definitely |really )?on (?:us|me)\b",
                    r"check back (?:with you |in )?(?:tomorrow|later|tonight|this|next|first thing|in an hour|in a few|on monday|before)",
                    r"(?:we|i) (?:messed|screwed|slipped) up",
                    r"(?:our|my) (?:mistake|fault)\b",
                    r"(?:our|my) error\s*[,.!;:]",
                    r"treat(?:ing|ed)? (?:this|it|your \w+|the \w+) as (?:a |an |our )?(?:top |high |highest |absolute |urgent )?(?:priority|urgent|urgency|emergency)",
                    r"(?:our|my|a|as) (?:top|highest|absolute|first|high|urgent) priority",
                    r"prioriti[sz](?:ing|ed|e) (?:this|it|your)",
                    r"(?:sort|figure|work|dig|solve|fix) (?:this |it )?(?:out |through |into (?:this|it) )?with you\b",
                    // follow-up promises: "I'll check back tomorrow", "I'll
                    // keep you posted"
                    r"(?:i'll|i will|we'll|we will|i'm going to|we're going to) (?:check back|circle back|check in|touch base|report back|ping you|write (?:back|again)|reach out|send you an update|give you an update|come back to you|keep an eye|notify you|email you|message you|call you|text you)",
                    r"keep you (?:posted|updated|informed|in the loop|up to date)",
                    r"(?:i'll|i will|we'll|we will) (?:get|have) (?:this|it|you|that|things) (?:sorted|fixed|working|back|resolved|up and running)",
                    r"(?:i'm|i am|we're|we are) (?:taking|owning) (?:this|it|your)",
                    r"(?:i'll|i will) (?:make sure|ensure|see to it)",
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
                K::Courtesy,
                0.2,
                STOCK_FRIENDLINESS_LABEL,
                &[
                    r"(?:ravie?s?|heureux|heureuse|contente?s?|enchantee?s?) de vous (?:lire|relire|retrouver|revoir|entendre)",
                    r"(?:toujours |c'est toujours )?un (?:plaisir|bonheur) de vous (?:lire|relire|retrouver|revoir)",
                    r"j'espere que (?:vous allez bien|vous vous portez bien|tout va bien|vous passez une (?:bonne|belle|excellente) \w+|votre (?:semaine|journee|week-end) se passe bien)",
                    r"(?:bon|joyeux|excellent) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end|weekend|debut de semaine)",
                ],
            ),
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
                    // the concrete impact on their business: "vos acheteurs
                    // ne peuvent plus commander", "toute l'équipe est
                    // bloquée", "personne ne peut travailler", "un vrai trou
                    // dans vos données"
                    r"(?:vos|les) (?:clients|clientes|visiteurs|utilisateurs|acheteurs|equipes|collaborateurs|collaboratrices|salaries|employes|abonnes|eleves|etudiants|patients|membres|agents|collegues|lecteurs|adherents|utilisatrices) (?:ne (?:peuvent|pouvaient|arrivent|parviennent) (?:pas|plus)|sont (?:bloquee?s|coincee?s|privee?s))",
                    r"(?:toute (?:l'|votre |la )|tout (?:le |votre ))(?:equipe|service|bureau|entreprise|societe|boutique|magasin|personnel|classe|agence|cabinet|boite|monde)\w* (?:est|sont|etait|se retrouve|reste) (?:completement |totalement |entierement |donc )?(?:bloquee?s?|coincee?s?|a l'arret|paralysee?s?|privee?s? d'acces|sans acces|hors service|en panne|au chomage technique)",
                    r"(?:votre|l') (?:equipe|boutique|entreprise|societe|agence) (?:est|se retrouve) (?:completement |totalement |entierement )?(?:bloquee|paralysee|a l'arret|privee d'acces|au chomage technique)",
                    r"personne (?:dans (?:l'equipe|votre equipe|vos equipes|le service|l'entreprise|la boutique) )?ne (?:peut|pouvait|arrive) (?:plus |pas |donc )?(?:travailler|se connecter|acceder|utiliser|payer|commander|bosser)",
                    r"vous (?:perdez|etes en train de perdre|risquez de perdre) (?:des|du|de l') ?(?:ventes|commandes|clients|chiffre|argent|revenus|inscriptions|reservations|abonnes)",
                    r"(?:un |une )?(?:vrai |gros |sacre |veritable |grand )?(?:trou|manque|vide|lacune|perte) (?:dans|de|pour) (?:vos|votre) (?:donnees|statistiques|stats|rapports|historique|comptes|comptabilite|chiffres|ventes|suivi|analytics|mesures)",
                    r"(?:ca|cela|ce bug|ce probleme|ce souci|cette panne) vous (?:coute|coutent|fait perdre|fait rater)",
                    r"(?:votre|vos|le|les) (?:lancement|soldes|campagne|activite|business|chiffre d'affaires|ouverture|evenement|echeance|cloture|ventes) (?:est|sont) (?:en jeu|menacee?s?|compromise?s?|bloquee?s?|a l'arret)",
                    r"d'avoir (?:du|a) (?:la )?(?:reclamer|relancer|ecrire|attendre|redemander)",
                    // "c'est le pire", "c'est une vraie galère", "ça fait
                    // toujours un petit choc", "X est pénible"
                    r"(?:est|sont|c'est|c'etait|ca fait|cela fait|etait|ca reste) (?:vraiment |tres |franchement |toujours |particulierement |un peu |super |tellement |bien |assez )?(?:une? )?(?:vraie |petit |sacre |gros |belle )?(?:galere|penible|agacant|stressant|inquietant|embetant|frustrant|rageant|enervant|decourageant|desagreable|le pire|l'horreur|un cauchemar|cauchemar|casse-tete|prise de tete|choc|coup dur|surprise desagreable|mauvaise surprise|pas drole|pas agreable|pas marrant)\b",
                    r"(?:une? |la |le )(?:vraie |sacree |belle )?(?:galere|mauvaise surprise|surprise desagreable|coup dur|perte de temps)",
                    r"(?:du|de) temps perdu",
                    r"(?:personne n'aime|on n'aime jamais|personne ne veut)",
                    r"(?:ca|cela|ce qui) (?:vous )?(?:inquiete|agace|embete|stresse|frustre|ennuie)",
                    r"(?:je serais|j'aurais ete) (?:tout aussi |aussi |moi aussi )?(?:agace|frustre|inquiet|enerve|decu)e?",
                    r"vous avez raison d'etre (?:\w+ )?(?:agace|frustre|inquiet|enerve|decu|excede)e?",
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
                K::Ownership,
                PURPOSE_WEIGHT,
                PURPOSE_LABEL,
                &[
                    r"(?:afin|pour) (?:que|qu') (?:je|nous|on) (?:puisse|puissions) [a-z]+",
                    r"pour (?:trouver|identifier|comprendre|cerner|isoler) (?:la cause|l'origine|le probleme|ce qui|d'ou)",
                    r"afin de (?:verifier|regarder|comprendre|identifier|trouver)",
                ],
            ),
            Rule::new(
                K::OfferOfHelp,
                0.5,
                "offers further help",
                &[
                    r"n'hesitez pas",
                    r"(?:je|nous) (?:peux|pouvons|pourrai|pourrais|pourrons|vais|pourrions) (?:aussi |egalement |volontiers )?(?:l'|le |la |les |vous l'|vous le |vous la )?(?:adapter|personnaliser|ajuster|rejouer|relancer|refaire|reemettre|reediter|renvoyer|restaurer|recuperer|resynchroniser|reimporter|retraiter|regenerer|retablir|reinjecter|rattraper)\b",
                    // a workaround offered proactively
                    r"en attendant(?: (?:le|la|les|l'|un|une|que|qu')[^,.?!]*)?,? (?:vous pouvez|vous pourriez|il est possible|une solution|une astuce|le plus simple|je vous propose|je vous conseille|je vous suggere|je vous recommande|vous avez la possibilite|une alternative|un contournement|je peux|nous pouvons|voici|essayez)",
                    r"(?:solution|astuce|parade|procedure) (?:de contournement|temporaire|provisoire|d'attente|de secours)",
                    r"(?:pour|afin de) contourner (?:le|ce) (?:probleme|souci|bug|blocage)",
                    r"je (?:reste|suis|demeure) (?:bien entendu |evidemment )?(?:a votre|a ta|a vous|disponible)",
                    r"(?:je|nous) (?:peux|pouvons|pourrai|pourrais|pourrons|pourrions) (?:aussi |egalement |volontiers |tout a fait |bien sur )?(?:vous |t')?(?:aider|accompagner|montrer|guider|expliquer|assister|conseiller|orienter|proposer|recommander|appeler|rappeler)",
                    r"(?:je|nous) (?:peux|pouvons|pourrai|pourrais|pourrons|pourrions) (?:aussi |egalement |volontiers |tout a fait |bien sur )?(?:regarder|examiner|relire|verifier|tester|analyser|passer en revue|jeter un (?:oeil|coup d'oeil)|reprendre|parcourir|deboguer|debugger|configurer|parametrer|mettre en place|faire le point|organiser un appel|planifier un appel) (?:a |sur |avec vous )?(?:ca|cela|ensemble|votre|vos|le|la|les|ce|cette|ces|avec vous|l'[a-z]+)\b",
                    r"(?:ravie?s?|heureux|heureuse|contente?s?) de (?:regarder|relire|examiner|verifier|tester|vous montrer|vous expliquer|vous guider|passer en revue|jeter un)",
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
                    r"(?:je suis|nous sommes) (?:de tout coeur |bien )?avec vous\b",
                    r"vous n'etes pas (?:le seul|la seule|seule?)",
                    r"(?:je|nous) (?:reste|restons|resterai|resterons) (?:avec vous|a vos cotes)",
                ],
            ),
            Rule::new(
                K::Ownership,
                0.5,
                "takes ownership",
                &[
                    r"je m'en (?:occupe|charge)",
                    // owning the fault or the fix
                    r"c'est (?:sans doute |probablement |bien |entierement |clairement |vraiment |tres probablement |a priori |manifestement )?(?:de )?(?:notre|ma) faute",
                    r"(?:la faute|l'erreur|le probleme|le souci|le bug) (?:est|vient|nous revient|se situe) (?:bien |clairement |probablement |sans doute )?(?:de notre cote|de nous|chez nous|de chez nous)",
                    r"(?:une?|d'une?) (?:erreur|bug|oubli|souci|probleme|regression) de notre (?:part|cote)",
                    r"(?:nous avons|on a|j'ai) (?:fait|commis) (?:une|un) (?:erreur|oubli|boulette|bourde)",
                    r"la faute nous (?:revient|incombe)",
                    r"(?:je|nous|on) (?:traite|traitons|traiterai|traiterons|prends|prenons) (?:\S+ ){0,4}en (?:toute )?priorite",
                    r"(?:est|a ete|sera) (?:traitee?s?|prise?s? en charge|geree?s?) en (?:toute )?priorite",
                    r"(?:notre|ma) (?:priorite|premiere priorite)\b",
                    r"priorite absolue",
                    r"(?:comprendre|trouver|resoudre|regler|corriger|identifier|chercher|debloquer) (?:\S+ ){0,3}avec vous\b",
                    r"(?:aller|irai|irons) au fond (?:des choses|du probleme)",
                    // follow-up promises
                    r"je vous (?:recontacte|recontacterai|rappelle|rappellerai|ecris|ecrirai|fais signe|ferai signe|redonne des nouvelles|donne des nouvelles|donnerai des nouvelles|tiens informee?|tiendrai informee?)",
                    r"nous vous (?:recontacterons|recontactons|rappellerons|ecrirons|ferons signe|donnerons des nouvelles|tiendrons (?:au courant|informee?s?)|tenons (?:au courant|informee?s?))",
                    r"(?:je|nous) (?:reviens|reviendrai|reviendrons|revenons) (?:tres vite |rapidement |des demain |demain |au plus vite |aussitot |sans faute )?vers vous",
                    r"(?:je|nous) (?:referai|referons|ferai|ferons|refais|fais) (?:un |le )point (?:avec vous )?(?:demain|des|rapidement|dans|cet|ce|en fin)",
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
                    // commitment and solidarity
                    r"(?:on|je|nous) ne vous (?:lache|lachera|lacherai|lacherons|laisse|laissera|laisserai|laisserons) (?:pas|tomber)",
                    r"(?:je|nous|on) (?:reste|resterai|restons|resterons|continue|continuerai|continuons|continuerons|ne vous lache\w*|ne lache\w*) [^.?!]*jusqu'a",
                    r"(?:je regarde|on regarde|je verifie|on cherche) (?:ca |cela |ce point )?avec vous",
                    r"(?:on va|nous allons|je vais) (?:vous )?(?:debloquer|depanner|aller au fond|tirer (?:ca|cela) au clair)",
                    r"(?:je|nous) (?:veillerai|veillerons|veille|veillons) a ce que",
                    r"(?:je|j') (?:prends|reprends) (?:votre|ce|le) (?:dossier|ticket|demande|cas)",
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
            situation_en: alt(SITUATION_EN),
            situation_fr: alt(SITUATION_FR),
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
        need_probe: bool,
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
                    if kind == K::EngagedApology && is_generic_apology(text, r.clone()) {
                        kind = K::StockApology;
                        weight = 0.3;
                        label = "stock apology";
                    }
                    if kind == K::OfferOfHelp && is_stock_offer(text, r.clone()) {
                        kind = K::Courtesy;
                        weight = STOCK_OFFER_WEIGHT;
                        label = "stock offer of help";
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
        // An open question about their situation or the impact on them.
        let situation = if curiosity_grade > 0 && raw > 0.0 && !put_down {
            langs.iter().find_map(|&lang| {
                let re = match lang {
                    Lang::En => &self.situation_en,
                    Lang::Fr => &self.situation_fr,
                };
                re.find(hay).map(|m| m.range())
            })
        } else {
            None
        };
        if raw > 0.0 && !put_down && (need_probe || situation.is_some()) {
            let table = if need_probe {
                NEED_EXPLORATION_BONUS
            } else {
                EXPLORATION_BONUS
            };
            let bonus = table[usize::from(curiosity_grade.min(2))];
            if bonus > 0.0 {
                total += bonus;
                let span = match (&situation, need_probe) {
                    (Some(r), false) => f.orig(r.clone()),
                    _ => exploration_span.unwrap_or(0..0),
                };
                evidence.push(Evidence {
                    kind: K::Exploration,
                    dimension: Dimension::Empathy,
                    label: "explores the person's situation (see curiosity)".into(),
                    span,
                    weight: bonus,
                });
            }
        }
        let (grade, score) = if put_down {
            (0, 0.0)
        } else {
            // Real exploration of the person: curiosity 2 with an open
            // question about their situation or need, not technical
            // probes alone.
            let explored = curiosity_grade >= 2 && (need_probe || situation.is_some());
            let engaged = (explored && need_probe)
                || evidence.iter().any(|e| {
                    is_engagement(e.kind)
                        && e.weight > 0.0
                        && (explored || e.label != PURPOSE_LABEL)
                });
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

/// An apology whose object is only a generic noun ("sorry for the
/// inconvenience", "sorry about that", "désolé pour ce souci", "je suis
/// désolé pour ce désagrément") is stock courtesy; one that names this
/// person's trouble ("sorry it's not working yet", "désolé pour ce
/// ralentissement") is engaged. Bare intensified apologies ("I'm so
/// sorry") stay engaged.
fn is_generic_apology(text: &str, r: Range<usize>) -> bool {
    let rest = &text[r.start..];
    let clause_end = rest
        .find([',', '.', '!', '?', ';', ':', '\n', '(', '"'])
        .unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let clause = match clause.find(" - ") {
        Some(p) => &clause[..p],
        None => clause,
    };
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(at) = words.iter().position(|w| {
        w.starts_with("sorry")
            || w.starts_with("apologi")
            || w.starts_with("desole")
            || w.starts_with("navre")
            || w.starts_with("excuse")
    }) else {
        return false;
    };
    let object = &words[at + 1..];
    if object.is_empty() {
        return false;
    }
    object.iter().all(|w| {
        matches!(
            *w,
            // English fillers and generic troubles
            "for" | "about" | "the" | "this" | "that" | "these" | "those" | "any" | "all"
                | "a" | "an" | "of" | "my" | "our" | "to" | "hear" | "it" | "caused" | "happened"
                | "has" | "have" | "had" | "may" | "might" | "you" | "there" | "was" | "is"
                | "inconvenience" | "inconveniences" | "trouble" | "troubles" | "hassle"
                | "issue" | "issues" | "problem" | "problems" | "delay" | "delays" | "wait"
                | "confusion" | "disruption" | "mix" | "up" | "mixup" | "situation"
                | "experience" | "annoyance" | "bother"
                // French
                | "pour" | "de" | "d" | "du" | "des" | "ce" | "cet" | "cette" | "ces" | "le"
                | "la" | "les" | "l" | "tout" | "tous" | "toute" | "toutes" | "vous" | "ca"
                | "cela" | "ceci" | "occasionne" | "occasionnee" | "occasionnes"
                | "occasionnees" | "cause" | "causee" | "causes" | "causees" | "eventuel"
                | "eventuelle" | "souci" | "soucis" | "desagrement" | "desagrements" | "gene"
                | "genes" | "probleme" | "problemes" | "inconvenient" | "inconvenients"
                | "derangement" | "contretemps" | "attente" | "retard"
        )
    })
}

/// "Let me know if there's anything else I can help with" closes the
/// message; it is courtesy, not an offer tailored to this person.
fn is_stock_offer(text: &str, r: Range<usize>) -> bool {
    let start = text[..r.start]
        .rfind(['.', '!', '?', '\n'])
        .map(|p| p + 1)
        .unwrap_or(0);
    let end = text[r.end..]
        .find(['.', '!', '?', '\n'])
        .map(|p| r.end + p)
        .unwrap_or(text.len());
    let sentence = &text[start..end];
    sentence.contains("anything else")
        || sentence.contains("autre chose")
        || sentence.contains("quoi que ce soit d'autre")
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
            .detect(&Folded::new(text), &[lang], 0, None, false, false)
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
        let out = d.detect(&f, &[Lang::En], 0, None, false, true);
        assert_eq!(out.score.grade, 0);
        assert!(out.evidence.iter().all(|e| e.weight == 0.0));
        let f = Folded::new("Merci de votre patience, mais il fallait lire la doc.");
        assert_eq!(
            d.detect(&f, &[Lang::Fr], 0, None, false, true).score.grade,
            0
        );
    }

    fn detect(text: &str, lang: Lang, cur: u8, need: bool) -> EmpathyFindings {
        EmpathyDetector::new().detect(&Folded::new(text), &[lang], cur, None, need, false)
    }

    #[test]
    fn stock_apologies_are_courtesy() {
        for (t, l) in [
            ("Hello, sorry for the hassle.", Lang::En),
            ("I'm sorry about this.", Lang::En),
            (
                "We're sorry for any inconvenience this may have caused.",
                Lang::En,
            ),
            ("Bonjour, navré pour ce contretemps.", Lang::Fr),
            ("Nous sommes désolés pour la gêne occasionnée.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(
                out.evidence.iter().all(|e| e.kind != K::EngagedApology),
                "{t}"
            );
        }
        // naming the trouble is engaged
        for (t, l) in [
            (
                "I'm sorry the invoice still shows the old address.",
                Lang::En,
            ),
            ("Désolé pour ce prélèvement en double.", Lang::Fr),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::EngagedApology),
                "{t}"
            );
        }
    }

    #[test]
    fn closing_offers_are_courtesy() {
        assert_eq!(
            grade(
                "Hi! It's under Billing. Is there anything else I can help you with?",
                Lang::En
            ),
            1
        );
        assert_eq!(
            grade(
                "Bonjour, c'est dans Facturation. Puis-je vous aider pour autre chose ?",
                Lang::Fr
            ),
            1
        );
        // an offer tailored to them
        let out = detect(
            "Hi! Happy to adapt the snippet to your theme if that helps.",
            Lang::En,
            0,
            false,
        );
        assert!(out.evidence.iter().any(|e| e.kind == K::OfferOfHelp));
    }

    #[test]
    fn impact_and_feelings_in_their_terms() {
        for (t, l) in [
            (
                "A checkout that freezes on payday is a real nightmare, I know.",
                Lang::En,
            ),
            (
                "Emails bouncing right before your launch are no fun at all.",
                Lang::En,
            ),
            (
                "Nobody likes finding their reviews gone overnight.",
                Lang::En,
            ),
            (
                "Des commandes bloquées un samedi, c'est vraiment la galère.",
                Lang::Fr,
            ),
            (
                "Une facture refusée, c'est toujours une mauvaise surprise.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::Acknowledgement),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
        assert_eq!(
            grade("Option B is the worst choice for speed.", Lang::En),
            0
        );
    }

    #[test]
    fn solidarity_and_commitment() {
        for (t, l) in [
            (
                "I hear you. I'll keep working on it with you until the sync runs clean.",
                Lang::En,
            ),
            (
                "I'm with you on this, and I'll make sure the refund goes through.",
                Lang::En,
            ),
            (
                "Je reste avec vous jusqu'à ce que l'import passe. On ne vous lâche pas.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(out.evidence.iter().any(|e| e.kind == K::Ownership), "{t}");
            assert_eq!(out.score.grade, 2, "{t}");
        }
        // waiting instructions are not commitments
        assert_eq!(grade("Wait until the update is done.", Lang::En), 0);
    }

    #[test]
    fn purpose_clause_is_weaker_than_ownership() {
        let t = "Hello, thanks! Please send the order number so I can look into it.";
        let out = detect(t, Lang::En, 1, false);
        assert_eq!(out.score.grade, 1);
        let p = out
            .evidence
            .iter()
            .find(|e| e.label == PURPOSE_LABEL)
            .expect("purpose clause");
        assert!(p.weight < 0.5);
        let t = "Hello, thanks! Send the order number and I'll look into it.";
        assert_eq!(detect(t, Lang::En, 1, false).score.grade, 2);
        let t = "Bonjour, merci ! Envoyez-moi le numéro de commande afin que je puisse vérifier.";
        assert_eq!(detect(t, Lang::Fr, 1, false).score.grade, 1);
    }

    #[test]
    fn courtesy_plus_good_questions_is_one() {
        // technical probes alone do not engage with the person
        let t = "Hello, thanks for writing! Which plan are you on, and how many seats?";
        assert_eq!(detect(t, Lang::En, 2, false).score.grade, 1);
        let t = "Bonjour, merci ! Quel hébergeur, et quelle version de PHP ?";
        assert_eq!(detect(t, Lang::Fr, 2, false).score.grade, 1);
        // asking openly about their need or motive does
        let t = "Thanks! What made you look for an export, and who reads it?";
        assert_eq!(detect(t, Lang::En, 2, true).score.grade, 2);
        // and so does exploration next to another sign of engagement
        let t = "Hi, thanks! I'll check the logs myself. Which page, and since when?";
        assert_eq!(detect(t, Lang::En, 2, false).score.grade, 2);
    }

    #[test]
    fn merci_de_plus_verb_is_a_request_not_thanks() {
        assert!(is_polite_request_fr("merci de m'envoyer l'url"));
        assert!(is_polite_request_fr("merci de bien vouloir me transmettre"));
        assert!(!is_polite_request_fr("merci de nous avoir ecrit"));
        assert!(!is_polite_request_fr("merci de votre patience"));
    }
    #[test]
    fn offers_to_review_or_walk_through_are_offers() {
        let offer = |t: &str, l: Lang| {
            EmpathyDetector::new()
                .detect(&Folded::new(t), &[l], 0, None, false, false)
                .evidence
                .iter()
                .any(|e| e.kind == K::OfferOfHelp && e.weight >= 0.5)
        };
        assert!(offer(
            "I'd be happy to go over your configuration.",
            Lang::En
        ));
        assert!(offer("Glad to take a look at the logs with you.", Lang::En));
        assert!(offer("We can debug it with you on a call.", Lang::En));
        assert!(offer(
            "Je peux relire votre configuration avec vous.",
            Lang::Fr
        ));
        assert!(offer(
            "Nous pouvons jeter un oeil à vos réglages.",
            Lang::Fr
        ));
        assert!(!offer("Je ne peux pas regarder votre code.", Lang::Fr));
        assert_eq!(
            grade(
                "Hi Sam, thanks for sharing this! I'd be glad to look over your snippet.",
                Lang::En
            ),
            2
        );
    }

    #[test]
    fn business_impact_in_their_terms_is_engagement() {
        for (t, l) in [
            (
                "Hi Mo. Three days without synced orders leaves a big hole in your books.",
                Lang::En,
            ),
            (
                "So the entire office is stuck and no one can log in since the update.",
                Lang::En,
            ),
            (
                "Hello, your members can't book a class right now, and you're losing bookings.",
                Lang::En,
            ),
            (
                "Bonjour, vos abonnés ne peuvent plus se connecter depuis hier soir.",
                Lang::Fr,
            ),
            (
                "Bonjour. Toute l'agence est paralysée, personne ne peut travailler.",
                Lang::Fr,
            ),
            (
                "Un vrai trou dans vos statistiques de la semaine, je comprends.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence.iter().any(|e| e.kind == K::Acknowledgement),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
    }

    #[test]
    fn owning_the_fault_or_the_fix_is_engagement() {
        for (t, l) in [
            (
                "Hi, this looks like our bug, not anything you did. I'm treating it as top priority.",
                Lang::En,
            ),
            (
                "Hello Ana, that one's on us. We'll figure it out with you.",
                Lang::En,
            ),
            (
                "Bonjour, l'erreur vient de chez nous. Je prends votre dossier en priorité.",
                Lang::Fr,
            ),
            (
                "Bonjour, c'est probablement notre faute : nous allons corriger cela avec vous.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(out.evidence.iter().any(|e| e.kind == K::Ownership), "{t}");
            assert_eq!(out.score.grade, 2, "{t}");
        }
        // denying the fault is not ownership
        let out = detect("It's not our fault.", Lang::En, 0, false);
        assert!(out.evidence.iter().all(|e| e.kind != K::Ownership));
    }

    #[test]
    fn remedies_and_follow_ups_are_engagement() {
        for (t, l) in [
            (
                "Hi Lee, I can backfill the missing rows from our logs. Meanwhile, you can export from the old dashboard.",
                Lang::En,
            ),
            (
                "Hello! As a temporary workaround, disable the sync. I'll keep you posted on the fix.",
                Lang::En,
            ),
            (
                "Hi, thanks for flagging it. I'll circle back this afternoon once the patch is out.",
                Lang::En,
            ),
            (
                "Bonjour, merci du signalement. En attendant le correctif, vous pouvez passer par l'import manuel.",
                Lang::Fr,
            ),
            (
                "Bonjour, je peux restaurer la sauvegarde de lundi. Je vous fais signe dès que c'est fait.",
                Lang::Fr,
            ),
            (
                "Bonjour, merci. Nous reviendrons vers vous dès demain avec un point complet.",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert!(
                out.evidence
                    .iter()
                    .any(|e| matches!(e.kind, K::Ownership | K::OfferOfHelp)),
                "{t}"
            );
            assert_eq!(out.score.grade, 2, "{t}");
        }
    }

    #[test]
    fn stock_friendliness_is_courtesy() {
        for (t, l) in [
            (
                "Hi, lovely to hear from you again! Thanks for the note. The toggle is in Settings.",
                Lang::En,
            ),
            (
                "Happy Friday! Hope all is well. Thanks, the invoice is under Billing. Cheers!",
                Lang::En,
            ),
            (
                "Bonjour, toujours un plaisir de vous lire ! Merci, l'option est dans Réglages.",
                Lang::Fr,
            ),
            (
                "Bonjour, j'espère que tout va bien. Merci, le lien est en bas de page. Bon vendredi !",
                Lang::Fr,
            ),
        ] {
            let out = detect(t, l, 0, false);
            assert_eq!(out.score.grade, 1, "{t}");
            assert!(
                out.evidence.iter().any(|e| e.label == STOCK_FRIENDLINESS_LABEL),
                "{t}"
            );
            assert!(out.evidence.iter().all(|e| !is_engagement(e.kind)), "{t}");
        }
        // real warmth about their news stays warmth
        let out = detect("Glad to hear the import went through!", Lang::En, 0, false);
        assert!(out.evidence.iter().any(|e| e.kind == K::Warmth));
    }

    #[test]
    fn technical_probes_are_not_empathic_exploration() {
        // courtesy + a purpose clause + technical probes: still generic
        let t = "Hello, sorry about that. Which Node version, and can you paste the stack trace so I can investigate?";
        let out = detect(t, Lang::En, 2, false);
        assert_eq!(out.score.grade, 1);
        assert!(out.evidence.iter().all(|e| e.kind != K::Exploration));
        let t = "Bonjour, merci. Quel thème, quelle version du module, et pouvez-vous joindre le journal d'erreurs afin que je puisse regarder ?";
        let out = detect(t, Lang::Fr, 2, false);
        assert_eq!(out.score.grade, 1);
        assert!(out.evidence.iter().all(|e| e.kind != K::Exploration));
        // an open question about their situation is exploration
        let t = "Hello, sorry about that. How is this affecting your team, and which page breaks, so I can investigate?";
        let out = detect(t, Lang::En, 2, false);
        assert_eq!(out.score.grade, 2);
        let ex = out
            .evidence
            .iter()
            .find(|e| e.kind == K::Exploration)
            .expect("exploration");
        assert_eq!(&t[ex.span.clone()], "How is this affecting");
        let t = "Bonjour, merci. Qu'est-ce qui bloque exactement pour vous, et sur quelle page, afin que je puisse regarder ?";
        assert_eq!(detect(t, Lang::Fr, 2, false).score.grade, 2);
    }
}
