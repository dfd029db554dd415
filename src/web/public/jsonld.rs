//! schema.org `JobPosting` for search engines' job listings, embedded in
//! the job page as JSON-LD.

use serde_json::{json, Value};

use super::view::{Company, PostingHtml};
use crate::domain::job::{Job, Workplace};
use crate::i18n::Locale;

/// The post's sections as one piece of sanitised HTML, headed in English
/// (the API).
pub fn description_html(job: &Job) -> String {
    PostingHtml::of(job).description(Locale::ENGLISH)
}

/// A place typed as "City, Region, Country": the country is the last part,
/// the locality the first, so search engines get the country on its own.
fn postal_address(place: &str) -> Value {
    let parts: Vec<&str> = place
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut address = json!({ "@type": "PostalAddress" });
    match parts.as_slice() {
        [] => {}
        [only] => address["addressLocality"] = json!(only),
        [locality, middle @ .., country] => {
            address["addressLocality"] = json!(locality);
            if !middle.is_empty() {
                address["addressRegion"] = json!(middle.join(", "));
            }
            address["addressCountry"] = json!(country);
        }
    }
    address
}

/// The JobPosting object for a job, its description headed in `locale`
/// (the job's own language, which `inLanguage` names).
pub fn job_posting(job: &Job, company: &Company, url: &str, locale: Locale) -> Value {
    let p = &job.posting;
    let description = PostingHtml::of(job).description(locale);
    let mut organization = json!({ "@type": "Organization", "name": company.name });
    if !company.url.is_empty() {
        organization["sameAs"] = json!(company.url);
    }
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": p.title,
        "description": description,
        "identifier": { "@type": "PropertyValue", "name": company.name, "value": job.id },
        "datePosted": job.published_at.unwrap_or(job.created_at).format("%Y-%m-%d").to_string(),
        "employmentType": p.employment_type.schema_org(),
        "hiringOrganization": organization,
        "url": url,
        // The application form is on this site, one click from the page.
        "directApply": job.is_open(),
    });
    if let Some(until) = job.listed_until() {
        posting["validThrough"] = json!(format!("{}T23:59:59Z", until.format("%Y-%m-%d")));
    }
    match p.workplace {
        Workplace::Remote => {
            posting["jobLocationType"] = json!("TELECOMMUTE");
            let regions: Vec<Value> = p
                .remote_regions
                .split([',', ';'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(|r| json!({ "@type": "AdministrativeArea", "name": r }))
                .collect();
            if !regions.is_empty() {
                posting["applicantLocationRequirements"] = Value::Array(regions);
            }
        }
        Workplace::Hybrid | Workplace::Onsite => {
            posting["jobLocation"] = json!({
                "@type": "Place",
                "address": postal_address(&p.location),
            });
        }
    }
    if let Some(s) = &p.salary {
        posting["baseSalary"] = json!({
            "@type": "MonetaryAmount",
            "currency": s.currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": s.min,
                "maxValue": s.max,
                "unitText": s.period.schema_org(),
            },
        });
    }
    posting
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` are
/// escaped so that no string in it can close the element.
pub fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_is_a_field_of_its_own() {
        assert_eq!(
            postal_address("Lyon, France"),
            json!({ "@type": "PostalAddress", "addressLocality": "Lyon", "addressCountry": "France" })
        );
        assert_eq!(
            postal_address("Paris, Île-de-France, France")["addressRegion"],
            "Île-de-France"
        );
        assert_eq!(
            postal_address("Lisbon"),
            json!({ "@type": "PostalAddress", "addressLocality": "Lisbon" })
        );
    }

    #[test]
    fn nothing_can_close_the_script_element() {
        let v = json!({ "title": "</script><script>alert(1)</script>" });
        let s = script_safe(&v);
        assert!(!s.contains("</script"));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
