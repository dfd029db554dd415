//! Support jobs: what a founder writes, publishes and closes.
//!
//! `JobInput` is what a person typed (strings, straight from a form or the
//! API); `JobPosting::parse` turns it into a posting whose every part is
//! known to be sound, or into the list of what to fix, field by field.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::FieldError;
use crate::i18n::Message;

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    Draft,
    Open,
    Closed,
}

/// Why a job was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CloseReason {
    Filled,
    Cancelled,
}

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Workplace {
    Remote,
    Hybrid,
    Onsite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contractor,
    Temporary,
    Intern,
}

/// How well a language must be spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fluency {
    Native,
    Fluent,
    Professional,
    Conversational,
}

/// A channel through which the support person talks to customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    LiveChat,
    Phone,
    VideoCall,
    Slack,
    SocialMedia,
    CommunityForum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SalaryPeriod {
    Year,
    Month,
    Hour,
}

/// Whether the team must all agree to hire (PRODUCT.md step 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionRule {
    Unanimous,
    Majority,
}

/// The kind of person the ticket mix calls for (PRODUCT.md step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Tier 1 dominates: a generalist, about a week of training.
    Generalist,
    /// Mostly simple, but a real share needs troubleshooting.
    TechnicalGeneralist,
    /// Half or more of the tickets need the code opened.
    SupportEngineer,
}

/// Each variant: its stored code and the key of its label. What candidates
/// read too (fluency, employment type, channels, salary period) is named by
/// the candidate-facing key, which has every language.
macro_rules! string_enum {
    ($ty:ident { $($variant:ident => $s:literal, $label:literal;)+ }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $s),+ }
            }
            pub fn label(self) -> Message {
                Message::new(match self { $($ty::$variant => $label),+ })
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s.trim() { $($s => Some($ty::$variant),)+ _ => None }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(JobStatus {
    Draft => "draft", "staff-job-status-draft";
    Open => "open", "staff-job-status-open";
    Closed => "closed", "staff-job-status-closed";
});
string_enum!(CloseReason {
    Filled => "filled", "staff-job-close-reason-filled";
    Cancelled => "cancelled", "staff-job-close-reason-cancelled";
});
string_enum!(Workplace {
    Remote => "remote", "staff-job-workplace-remote";
    Hybrid => "hybrid", "staff-job-workplace-hybrid";
    Onsite => "onsite", "staff-job-workplace-onsite";
});
string_enum!(EmploymentType {
    FullTime => "full_time", "public-employment-full-time";
    PartTime => "part_time", "public-employment-part-time";
    Contractor => "contractor", "public-employment-contractor";
    Temporary => "temporary", "public-employment-temporary";
    Intern => "intern", "public-employment-intern";
});
string_enum!(Fluency {
    Native => "native", "cand-fluency-native";
    Fluent => "fluent", "cand-fluency-fluent";
    Professional => "professional", "cand-fluency-professional";
    Conversational => "conversational", "cand-fluency-conversational";
});
string_enum!(Channel {
    Email => "email", "public-channel-email";
    LiveChat => "live_chat", "public-channel-live-chat";
    Phone => "phone", "public-channel-phone";
    VideoCall => "video_call", "public-channel-video-call";
    Slack => "slack", "public-channel-slack";
    SocialMedia => "social_media", "public-channel-social-media";
    CommunityForum => "community_forum", "public-channel-community-forum";
});
string_enum!(SalaryPeriod {
    Year => "year", "public-salary-year";
    Month => "month", "public-salary-month";
    Hour => "hour", "public-salary-hour";
});
string_enum!(DecisionRule {
    Unanimous => "unanimous", "staff-job-decision-rule-unanimous";
    Majority => "majority", "staff-job-decision-rule-majority";
});
string_enum!(Profile {
    Generalist => "generalist", "staff-job-profile-generalist";
    TechnicalGeneralist => "technical_generalist", "staff-job-profile-technical-generalist";
    SupportEngineer => "support_engineer", "staff-job-profile-support-engineer";
});

impl EmploymentType {
    /// The value schema.org's JobPosting expects.
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contractor => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Intern => "INTERN",
        }
    }
}

impl SalaryPeriod {
    pub fn schema_org(self) -> &'static str {
        match self {
            SalaryPeriod::Year => "YEAR",
            SalaryPeriod::Month => "MONTH",
            SalaryPeriod::Hour => "HOUR",
        }
    }
}

impl Profile {
    /// Why this profile, in the founder's words.
    pub fn explanation(self) -> Message {
        Message::new(match self {
            Profile::Generalist => "staff-job-profile-why-generalist",
            Profile::TechnicalGeneralist => "staff-job-profile-why-technical-generalist",
            Profile::SupportEngineer => "staff-job-profile-why-support-engineer",
        })
    }
}

/// Languages a job can ask for, as ISO 639-1 codes with their English names.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("no", "Norwegian"),
    ("fi", "Finnish"),
    ("cs", "Czech"),
    ("ro", "Romanian"),
    ("tr", "Turkish"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("ar", "Arabic"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("zh", "Chinese"),
];

pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// A support language and the fluency the job needs in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageRequirement {
    pub code: String,
    pub fluency: String,
}

impl LanguageRequirement {
    pub fn name(&self) -> &'static str {
        language_name(&self.code).unwrap_or("Unknown language")
    }
    pub fn fluency(&self) -> Fluency {
        Fluency::parse(&self.fluency).unwrap_or(Fluency::Fluent)
    }
}

/// A salary range with its currency and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SalaryRange {
    pub min: i64,
    pub max: i64,
    pub currency: String,
    pub period: SalaryPeriod,
}

/// The share of tickets in each tier, in percent, adding up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TierMix {
    pub tier1: u8,
    pub tier2: u8,
    pub tier3: u8,
}

impl TierMix {
    /// A tier is screened when at least this share of tickets is in it
    /// (tier 1 always is: everyone answers the simple questions).
    pub const SCREEN_THRESHOLD: u8 = 10;

    pub fn new(tier1: u8, tier2: u8, tier3: u8) -> Result<Self, Message> {
        let total = u16::from(tier1) + u16::from(tier2) + u16::from(tier3);
        if total != 100 {
            return Err(Message::new("staff-error-job-tier-total").count("total", total));
        }
        Ok(Self {
            tier1,
            tier2,
            tier3,
        })
    }

    /// PRODUCT.md step 1: ~70% tier 1 → a generalist; 50% or more needing
    /// the code opened (tier 3) → support plus coding; in between, a
    /// generalist who can troubleshoot.
    pub fn recommended_profile(self) -> Profile {
        if self.tier3 >= 50 {
            Profile::SupportEngineer
        } else if self.tier1 >= 70 {
            Profile::Generalist
        } else {
            Profile::TechnicalGeneralist
        }
    }

    /// The questionnaire tiers candidates get, simplest first.
    pub fn screened_tiers(self) -> Vec<u8> {
        let mut tiers = vec![1];
        if self.tier2 >= Self::SCREEN_THRESHOLD || self.tier3 >= Self::SCREEN_THRESHOLD {
            tiers.push(2);
        }
        if self.tier3 >= Self::SCREEN_THRESHOLD {
            tiers.push(3);
        }
        tiers
    }
}

impl Default for TierMix {
    fn default() -> Self {
        Self {
            tier1: 70,
            tier2: 20,
            tier3: 10,
        }
    }
}

/// The screen's pass mark, in percent: a questionnaire passes when its
/// result is strictly above it (PRODUCT.md step 6: "more than 50%").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PassMark(u8);

impl PassMark {
    pub fn new(percent: u8) -> Result<Self, Message> {
        if (1..=99).contains(&percent) {
            Ok(Self(percent))
        } else {
            Err(Message::new("staff-error-job-pass-mark"))
        }
    }
    pub fn percent(self) -> u8 {
        self.0
    }
    pub fn is_passed_by(self, share: f64) -> bool {
        share * 100.0 > f64::from(self.0)
    }
}

impl Default for PassMark {
    fn default() -> Self {
        Self(50)
    }
}

/// The Markdown sections of a job description (PRODUCT.md step 3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSections {
    pub typical_day: String,
    pub technical: String,
    pub looking_for: String,
    pub company_culture: String,
    pub how_to_apply: String,
}

impl JobSections {
    /// Each section with its heading (the job page's), in reading order.
    pub fn headed(&self) -> [(&'static str, Message, &str); 5] {
        [
            (
                "typical_day",
                Message::new("public-section-typical-day"),
                &self.typical_day,
            ),
            (
                "technical",
                Message::new("public-section-technical"),
                &self.technical,
            ),
            (
                "looking_for",
                Message::new("public-section-looking-for"),
                &self.looking_for,
            ),
            (
                "company_culture",
                Message::new("public-section-company-culture"),
                &self.company_culture,
            ),
            (
                "how_to_apply",
                Message::new("public-section-how-to-apply"),
                &self.how_to_apply,
            ),
        ]
    }
}

/// A job as a founder typed it: every field a string, straight from a form
/// or a JSON body. Lengths are checked here; meaning in `JobPosting::parse`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate, utoipa::ToSchema)]
#[serde(default)]
pub struct JobInput {
    #[validate(length(max = 120))]
    pub title: String,
    pub workplace: String,
    #[validate(length(max = 200))]
    pub location: String,
    #[validate(length(max = 200))]
    pub remote_regions: String,
    #[validate(length(max = 200))]
    pub timezone_note: String,
    pub employment_type: String,
    pub salary_min: String,
    pub salary_max: String,
    pub salary_currency: String,
    pub salary_period: String,
    /// Language codes and fluencies, pairwise (`languages[i]` needs `fluencies[i]`).
    pub languages: Vec<String>,
    pub fluencies: Vec<String>,
    pub channels: Vec<String>,
    #[validate(length(max = 500))]
    pub tools: String,
    pub tier1: String,
    pub tier2: String,
    pub tier3: String,
    #[validate(length(max = 20000))]
    pub typical_day: String,
    #[validate(length(max = 20000))]
    pub technical: String,
    #[validate(length(max = 20000))]
    pub looking_for: String,
    #[validate(length(max = 20000))]
    pub company_culture: String,
    #[validate(length(max = 20000))]
    pub how_to_apply: String,
    pub pass_mark: String,
    pub decision_rule: String,
    /// The last day applications are taken (YYYY-MM-DD), optional.
    pub valid_through: String,
}

/// A job description that is complete and consistent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobPosting {
    pub title: String,
    pub workplace: Workplace,
    pub location: String,
    pub remote_regions: String,
    pub timezone_note: String,
    pub employment_type: EmploymentType,
    pub salary: Option<SalaryRange>,
    pub languages: Vec<LanguageRequirement>,
    pub channels: Vec<Channel>,
    pub tools: Vec<String>,
    pub tier_mix: TierMix,
    pub sections: JobSections,
    pub pass_mark: PassMark,
    pub decision_rule: DecisionRule,
    pub valid_through: Option<NaiveDate>,
}

fn parse_percent(raw: &str) -> Option<u8> {
    raw.trim().trim_end_matches('%').trim().parse::<u8>().ok()
}

fn parse_amount(raw: &str) -> Result<Option<i64>, Message> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_' && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<i64>() {
        Ok(n) if (0..=100_000_000).contains(&n) => Ok(Some(n)),
        _ => Err(Message::new("staff-error-job-salary-amount")),
    }
}

impl JobPosting {
    /// Checks and converts what a founder typed. Returns every problem at
    /// once so a form can show them all next to their fields.
    pub fn parse(input: &JobInput) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Err(e) = input.validate() {
            for (field, errs) in e.field_errors() {
                if let Some(first) = errs.first() {
                    let field: &'static str = match field.as_ref() {
                        "title" => "title",
                        "location" => "location",
                        "remote_regions" => "remote_regions",
                        "timezone_note" => "timezone_note",
                        "tools" => "tools",
                        "typical_day" => "typical_day",
                        "technical" => "technical",
                        "looking_for" => "looking_for",
                        "company_culture" => "company_culture",
                        "how_to_apply" => "how_to_apply",
                        _ => "form",
                    };
                    let key = match field {
                        "title" => "staff-error-job-title-long",
                        "location" => "staff-error-job-location-long",
                        "remote_regions" | "timezone_note" => "staff-error-job-text-long",
                        "tools" => "staff-error-job-tools-long",
                        "form" => "staff-error-job-invalid",
                        _ => "staff-error-job-section-long",
                    };
                    let max = first.params.get("max").and_then(|v| v.as_i64());
                    errors.push(FieldError::of(
                        field,
                        Message::new(key).count("max", max.unwrap_or_default()),
                    ));
                }
            }
        }
        let title = input.title.trim().to_string();
        if title.is_empty() {
            errors.push(FieldError::localized(
                "title",
                "staff-error-job-title-missing",
            ));
        }
        if title.chars().any(char::is_control) {
            errors.push(FieldError::localized(
                "title",
                "staff-error-job-title-control",
            ));
        }

        let workplace = Workplace::parse(&input.workplace);
        if workplace.is_none() {
            errors.push(FieldError::localized(
                "workplace",
                "staff-error-job-workplace",
            ));
        }
        let location = input.location.trim().to_string();
        if matches!(workplace, Some(Workplace::Hybrid | Workplace::Onsite)) && location.is_empty() {
            errors.push(FieldError::localized(
                "location",
                "staff-error-job-location-missing",
            ));
        }
        let employment_type = EmploymentType::parse(&input.employment_type);
        if employment_type.is_none() {
            errors.push(FieldError::localized(
                "employment_type",
                "staff-error-job-employment-type",
            ));
        }

        let salary = Self::parse_salary(input, &mut errors);

        let mut languages: Vec<LanguageRequirement> = Vec::new();
        for (i, code) in input.languages.iter().enumerate() {
            let code = code.trim();
            if code.is_empty() {
                continue;
            }
            if language_name(code).is_none() {
                errors.push(FieldError::localized(
                    "languages",
                    "staff-error-job-language-unknown",
                ));
                continue;
            }
            let fluency = input.fluencies.get(i).map(String::as_str).unwrap_or("");
            let Some(fluency) = Fluency::parse(fluency) else {
                errors.push(FieldError::localized(
                    "languages",
                    "staff-error-job-fluency",
                ));
                continue;
            };
            if languages.iter().any(|l| l.code == code) {
                errors.push(FieldError::localized(
                    "languages",
                    "staff-error-job-language-twice",
                ));
                continue;
            }
            languages.push(LanguageRequirement {
                code: code.to_string(),
                fluency: fluency.as_str().to_string(),
            });
        }
        if languages.is_empty() {
            errors.push(FieldError::localized(
                "languages",
                "staff-error-job-no-language",
            ));
        }

        let mut channels = Vec::new();
        for c in &input.channels {
            match Channel::parse(c) {
                Some(ch) if !channels.contains(&ch) => channels.push(ch),
                Some(_) => {}
                None => errors.push(FieldError::localized(
                    "channels",
                    "staff-error-job-channel-unknown",
                )),
            }
        }
        let tools: Vec<String> = input
            .tools
            .split([',', '\n'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();

        let tier_mix = match (
            parse_percent(&input.tier1),
            parse_percent(&input.tier2),
            parse_percent(&input.tier3),
        ) {
            (Some(a), Some(b), Some(c)) => match TierMix::new(a, b, c) {
                Ok(mix) => Some(mix),
                Err(e) => {
                    errors.push(FieldError::of("tier_mix", e));
                    None
                }
            },
            _ => {
                errors.push(FieldError::localized(
                    "tier_mix",
                    "staff-error-job-tier-share",
                ));
                None
            }
        };

        let pass_mark = if input.pass_mark.trim().is_empty() {
            Some(PassMark::default())
        } else {
            match parse_percent(&input.pass_mark).map(PassMark::new) {
                Some(Ok(p)) => Some(p),
                _ => {
                    errors.push(FieldError::localized(
                        "pass_mark",
                        "staff-error-job-pass-mark",
                    ));
                    None
                }
            }
        };
        let decision_rule = if input.decision_rule.trim().is_empty() {
            Some(DecisionRule::Unanimous)
        } else {
            let rule = DecisionRule::parse(&input.decision_rule);
            if rule.is_none() {
                errors.push(FieldError::localized(
                    "decision_rule",
                    "staff-error-job-decision-rule",
                ));
            }
            rule
        };
        let valid_through = if input.valid_through.trim().is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(input.valid_through.trim(), "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::localized(
                        "valid_through",
                        "staff-error-job-valid-through",
                    ));
                    None
                }
            }
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        // Every None above pushed an error, so these all hold values here.
        Ok(Self {
            title,
            workplace: workplace.expect("checked"),
            location,
            remote_regions: input.remote_regions.trim().to_string(),
            timezone_note: input.timezone_note.trim().to_string(),
            employment_type: employment_type.expect("checked"),
            salary: salary.expect("checked"),
            languages,
            channels,
            tools,
            tier_mix: tier_mix.expect("checked"),
            sections: JobSections {
                typical_day: input.typical_day.trim().to_string(),
                technical: input.technical.trim().to_string(),
                looking_for: input.looking_for.trim().to_string(),
                company_culture: input.company_culture.trim().to_string(),
                how_to_apply: input.how_to_apply.trim().to_string(),
            },
            pass_mark: pass_mark.expect("checked"),
            decision_rule: decision_rule.expect("checked"),
            valid_through,
        })
    }

    /// `Some(None)`: no salary given; `None`: the salary had an error.
    fn parse_salary(input: &JobInput, errors: &mut Vec<FieldError>) -> Option<Option<SalaryRange>> {
        // An empty period is "per year"; anything else must be one we know,
        // or a salary per hour could be published as per year.
        let period = if input.salary_period.trim().is_empty() {
            SalaryPeriod::Year
        } else if let Some(p) = SalaryPeriod::parse(&input.salary_period) {
            p
        } else {
            errors.push(FieldError::localized(
                "salary",
                "staff-error-job-salary-period",
            ));
            return None;
        };
        let min = parse_amount(&input.salary_min);
        let max = parse_amount(&input.salary_max);
        let (min, max) = match (min, max) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                errors.push(FieldError::of("salary", e));
                return None;
            }
        };
        let (min, max) = match (min, max) {
            (None, None) => return Some(None),
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (Some(a), Some(b)) => (a, b),
        };
        if min > max {
            errors.push(FieldError::localized(
                "salary",
                "staff-error-job-salary-order",
            ));
            return None;
        }
        let currency = input.salary_currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            errors.push(FieldError::localized(
                "salary",
                "staff-error-job-salary-currency",
            ));
            return None;
        }
        Some(Some(SalaryRange {
            min,
            max,
            currency,
            period,
        }))
    }

    /// The input that would produce this posting (to fill an edit form).
    pub fn to_input(&self) -> JobInput {
        JobInput {
            title: self.title.clone(),
            workplace: self.workplace.as_str().into(),
            location: self.location.clone(),
            remote_regions: self.remote_regions.clone(),
            timezone_note: self.timezone_note.clone(),
            employment_type: self.employment_type.as_str().into(),
            salary_min: self
                .salary
                .as_ref()
                .map(|s| s.min.to_string())
                .unwrap_or_default(),
            salary_max: self
                .salary
                .as_ref()
                .map(|s| s.max.to_string())
                .unwrap_or_default(),
            salary_currency: self
                .salary
                .as_ref()
                .map(|s| s.currency.clone())
                .unwrap_or_default(),
            salary_period: self
                .salary
                .as_ref()
                .map(|s| s.period.as_str().to_string())
                .unwrap_or_default(),
            languages: self.languages.iter().map(|l| l.code.clone()).collect(),
            fluencies: self.languages.iter().map(|l| l.fluency.clone()).collect(),
            channels: self
                .channels
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
            tools: self.tools.join(", "),
            tier1: self.tier_mix.tier1.to_string(),
            tier2: self.tier_mix.tier2.to_string(),
            tier3: self.tier_mix.tier3.to_string(),
            typical_day: self.sections.typical_day.clone(),
            technical: self.sections.technical.clone(),
            looking_for: self.sections.looking_for.clone(),
            company_culture: self.sections.company_culture.clone(),
            how_to_apply: self.sections.how_to_apply.clone(),
            pass_mark: self.pass_mark.percent().to_string(),
            decision_rule: self.decision_rule.as_str().into(),
            valid_through: self
                .valid_through
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        }
    }

    pub fn is_remote(&self) -> bool {
        self.workplace == Workplace::Remote
    }
}

/// A stored job: its posting plus where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: String,
    pub slug: String,
    pub status: JobStatus,
    pub close_reason: Option<CloseReason>,
    pub posting: JobPosting,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub published_at: Option<chrono::NaiveDateTime>,
    pub closed_at: Option<chrono::NaiveDateTime>,
}

impl Job {
    /// How long a posting stays listed by search engines when the founder
    /// set no closing date.
    pub const DEFAULT_LISTING_DAYS: i64 = 60;

    pub fn is_open(&self) -> bool {
        self.status == JobStatus::Open
    }

    /// The date after which search engines should drop the listing.
    pub fn listed_until(&self) -> Option<NaiveDate> {
        self.posting.valid_through.or_else(|| {
            self.published_at
                .map(|p| (p + chrono::Duration::days(Self::DEFAULT_LISTING_DAYS)).date())
        })
    }
}

/// Turns a title into the readable part of a job's address.
pub fn slugify(title: &str) -> String {
    let slug = slug::slugify(title);
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "job".into()
    } else {
        slug
    }
}

/// An address typed by the owner, made readable the same way as a title's;
/// `None` when nothing usable is left of it.
pub fn parse_slug(typed: &str) -> Option<String> {
    let slug = slug::slugify(typed.trim());
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_matches('-').to_string();
    (!slug.is_empty()).then_some(slug)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn valid_input() -> JobInput {
        JobInput {
            title: "Customer Support Specialist".into(),
            workplace: "remote".into(),
            remote_regions: "Europe".into(),
            timezone_note: "Overlap 10:00–15:00 CET".into(),
            employment_type: "full_time".into(),
            languages: vec!["en".into()],
            fluencies: vec!["native".into()],
            channels: vec!["email".into(), "live_chat".into()],
            tier1: "70".into(),
            tier2: "20".into(),
            tier3: "10".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_input_parses() {
        let p = JobPosting::parse(&valid_input()).unwrap();
        assert_eq!(p.pass_mark.percent(), 50);
        assert_eq!(p.decision_rule, DecisionRule::Unanimous);
        assert_eq!(p.tier_mix.recommended_profile(), Profile::Generalist);
        assert!(p.salary.is_none());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = JobInput {
            tier1: "50".into(),
            tier2: "10".into(),
            tier3: "10".into(),
            salary_min: "60000".into(),
            salary_max: "50000".into(),
            ..valid_input()
        };
        let input = JobInput {
            title: " ".into(),
            ..input
        };
        let errors = JobPosting::parse(&input).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert!(fields.contains(&"title"));
        assert!(fields.contains(&"tier_mix"));
        assert!(fields.contains(&"salary"));
    }

    #[test]
    fn tier_mix_drives_the_profile_and_the_screen() {
        let generalist = TierMix::new(70, 25, 5).unwrap();
        assert_eq!(generalist.recommended_profile(), Profile::Generalist);
        assert_eq!(generalist.screened_tiers(), vec![1, 2]);
        let engineer = TierMix::new(20, 30, 50).unwrap();
        assert_eq!(engineer.recommended_profile(), Profile::SupportEngineer);
        assert_eq!(engineer.screened_tiers(), vec![1, 2, 3]);
        let middle = TierMix::new(50, 30, 20).unwrap();
        assert_eq!(middle.recommended_profile(), Profile::TechnicalGeneralist);
        let all_simple = TierMix::new(100, 0, 0).unwrap();
        assert_eq!(all_simple.screened_tiers(), vec![1]);
        assert!(TierMix::new(50, 50, 1).is_err());
    }

    #[test]
    fn pass_mark_means_strictly_more_than() {
        let p = PassMark::default();
        assert!(!p.is_passed_by(0.5));
        assert!(p.is_passed_by(0.51));
        assert!(PassMark::new(0).is_err());
        assert!(PassMark::new(100).is_err());
    }

    #[test]
    fn salary_needs_a_currency_and_an_order() {
        let input = JobInput {
            salary_min: "45 000".into(),
            salary_max: "55,000".into(),
            salary_currency: "eur".into(),
            ..valid_input()
        };
        let p = JobPosting::parse(&input).unwrap();
        let s = p.salary.unwrap();
        assert_eq!((s.min, s.max, s.currency.as_str()), (45000, 55000, "EUR"));
        let bad = JobInput {
            salary_min: "45000".into(),
            salary_currency: "euros".into(),
            ..valid_input()
        };
        assert!(JobPosting::parse(&bad).is_err());
    }

    #[test]
    fn onsite_jobs_need_a_location() {
        let input = JobInput {
            workplace: "onsite".into(),
            ..valid_input()
        };
        let errors = JobPosting::parse(&input).unwrap_err();
        assert_eq!(errors[0].field, "location");
    }

    #[test]
    fn round_trips_through_input() {
        let p = JobPosting::parse(&valid_input()).unwrap();
        assert_eq!(JobPosting::parse(&p.to_input()).unwrap(), p);
    }

    #[test]
    fn slugs_are_readable_and_never_empty() {
        assert_eq!(slugify("Support Engineer (Été)"), "support-engineer-ete");
        assert_eq!(slugify("!!!"), "job");
        assert_eq!(parse_slug(" Support-Lead "), Some("support-lead".into()));
        assert_eq!(parse_slug("/jobs/x"), Some("jobs-x".into()));
        assert_eq!(parse_slug("!!!"), None);
    }
}
