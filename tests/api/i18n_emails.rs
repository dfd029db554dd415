//! Issue 13: every email to a candidate goes out in the language of their
//! application (confirmation, links, interviews, rejection), with the
//! owner's text for a job written per language; staff emails stay English.

use base64::Engine;
use rapport::i18n::Locale;

use crate::helpers::{Backend, TestApp, OWNER_EMAIL};
use crate::on_every_backend;

on_every_backend!(
    a_french_candidate_gets_french_emails_and_an_english_one_english,
    an_owners_french_text_goes_to_french_candidates_only,
    owners_saving_one_text_at_once_leave_one_text,
);

/// One delivered email, decoded: headers, subject, and each part's text.
#[derive(Debug)]
struct Email {
    to: String,
    subject: String,
    text: String,
    html: String,
    calendar: bool,
}

/// Decodes what lettre writes: RFC 2047 subjects, quoted-printable or
/// base64 parts. Enough for these tests, not a general MIME reader.
fn parse(eml: &str) -> Email {
    let eml = eml.replace("\r\n", "\n");
    let (head, body) = eml.split_once("\n\n").unwrap_or((&eml, ""));
    let head = head.replace("\n ", " ").replace("\n\t", " ");
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let mut email = Email {
        to: header("To"),
        subject: decode_words(&header("Subject")),
        text: String::new(),
        html: String::new(),
        calendar: false,
    };
    for chunk in body.split("\n--") {
        let Some((part_head, part_body)) = chunk.split_once("\n\n") else {
            continue;
        };
        let part_head = part_head.to_ascii_lowercase();
        let content = if part_head.contains("content-transfer-encoding: base64") {
            let compact: String = part_body.split_whitespace().collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact)
                .expect("base64 part");
            String::from_utf8(bytes).expect("UTF-8 part")
        } else if part_head.contains("content-transfer-encoding: quoted-printable") {
            quoted_printable(part_body)
        } else {
            part_body.to_string()
        };
        // Parts end with the line break before the next boundary.
        let content = content.trim_end().to_string();
        if part_head.contains("content-type: text/plain") {
            email.text = content;
        } else if part_head.contains("content-type: text/html") {
            email.html = content;
        } else if part_head.contains("content-type: text/calendar") {
            email.calendar = true;
        }
    }
    email
}

fn quoted_printable(s: &str) -> String {
    let s = s.replace("=\n", "");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 quoted-printable")
}

/// A header with `=?utf-8?b?...?=` or `=?utf-8?q?...?=` words among plain
/// ones; the space between two encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = false;
    for (i, word) in value.split(' ').enumerate() {
        let inner = word.strip_prefix("=?").and_then(|w| w.strip_suffix("?="));
        let encoded = inner.is_some();
        if i > 0 && !(encoded && previous_encoded) {
            out.push(' ');
        }
        previous_encoded = encoded;
        let Some(inner) = inner else {
            out.push_str(word);
            continue;
        };
        let mut fields = inner.splitn(3, '?');
        let (_charset, encoding, text) = (
            fields.next().unwrap(),
            fields.next().unwrap(),
            fields.next().unwrap(),
        );
        if encoding.eq_ignore_ascii_case("b") {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .expect("base64 word");
            out.push_str(&String::from_utf8(bytes).expect("UTF-8 word"));
        } else {
            out.push_str(&quoted_printable(&text.replace('_', " ")));
        }
    }
    out
}

/// The emails delivered to `to` since `since` emails were written.
async fn emails_to(app: &TestApp, to: &str, since: usize) -> Vec<Email> {
    app.deliver_mail().await;
    app.emails()[since..]
        .iter()
        .map(|e| parse(e))
        .filter(|e| e.to.contains(to))
        .collect()
}

/// A published job with the owner on its panel; (id, slug).
async fn job(app: &TestApp) -> (String, String) {
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[]).await;
    app.owner_on_panel(&job_id).await;
    (job_id, slug)
}

/// Applies as `name` and returns the application.
async fn applied(
    app: &TestApp,
    slug: &str,
    name: &str,
    email: &str,
) -> rapport::db::applications::ApplicationRow {
    let b = app.new_browser();
    assert_eq!(
        b.apply(slug, name, email, None).await.status().as_u16(),
        200
    );
    let email = email.to_string();
    app.db
        .read(move |conn| {
            use diesel::prelude::*;
            use rapport::db::schema::applications;
            let id = applications::table
                .filter(applications::email.eq(email))
                .select(applications::id)
                .first::<String>(conn)?;
            Ok(rapport::db::applications::find(conn, &id)?.unwrap())
        })
        .await
        .unwrap()
}

async fn set_language(app: &TestApp, application_id: &str, code: &str) {
    let (id, locale) = (application_id.to_string(), Locale::parse(code).unwrap());
    app.db
        .write(move |conn| rapport::db::applications::set_locale(conn, &id, locale))
        .await
        .unwrap();
}

/// An interview on Tuesday 2 March 2027 at 15:00 in Paris.
async fn schedule(app: &TestApp, application_id: &str) {
    let owner = app.owner_id().await;
    let res = app
        .post_form(
            &format!("/admin/applications/{application_id}/interviews"),
            &[
                ("kind", "culture"),
                ("date", "2027-03-02"),
                ("time", "15:00"),
                ("timezone", "Europe/Paris"),
                ("duration_minutes", "45"),
                ("location", "https://meet.example.com/glimmer"),
                ("interviewers", &owner),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn reject(app: &TestApp, application_id: &str, reason: &str) {
    let res = app
        .post_form(
            &format!("/admin/applications/{application_id}/move"),
            &[
                ("to", "rejected"),
                ("reason", "another candidate"),
                ("send_email", "yes"),
                ("email_reason", reason),
                ("notify_candidate", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

/// French typography: a no-break space before the colon.
const NBSP: char = '\u{a0}';

async fn a_french_candidate_gets_french_emails_and_an_english_one_english(backend: Backend) {
    let app = spawn(backend).await;
    let (_, slug) = job(&app).await;

    // The confirmation is written in the application's language as stored
    // when it was queued (the apply page sets it from the page's language).
    let camille = applied(&app, &slug, "Camille Martin", "camille@example.com").await;
    let confirmation = emails_to(&app, "camille@example.com", 0).await;
    assert_eq!(confirmation.len(), 1);
    let confirmation = &confirmation[0];
    if camille.locale == "fr" {
        assert!(confirmation.subject.starts_with("Nous avons bien reçu"));
        assert!(confirmation.text.starts_with("Bonjour Camille Martin,"));
    } else {
        assert!(confirmation
            .subject
            .starts_with("We received your application"));
    }
    set_language(&app, &camille.id, "fr").await;

    // A new personal link, asked for on the job's page.
    let before = app.emails().len();
    let browser = app.new_browser();
    let res = browser
        .post_form(
            &format!("/jobs/{slug}/link"),
            &[("email", "camille@example.com")],
        )
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let link = emails_to(&app, "camille@example.com", before).await;
    assert_eq!(link.len(), 1, "{link:?}");
    let link = &link[0];
    assert_eq!(
        link.subject,
        "Votre nouveau lien pour le poste de Customer Support Specialist"
    );
    assert!(link
        .text
        .starts_with("Bonjour Camille Martin,\n\nVoici un nouveau lien personnel"));
    // The expiry date in French: "(valable jusqu’au 17 décembre 2026)".
    let french_date = regex::Regex::new(
        r"valable jusqu’au \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\)",
    )
    .unwrap();
    assert!(french_date.is_match(&link.text), "{}", link.text);
    assert!(link.text.contains("Si vous ne l’avez pas demandé"));
    assert!(link.html.contains("<html lang=\"fr\">"), "{}", link.html);
    assert!(link
        .html
        .contains("nouveau lien personnel vers votre candidature</a>"));
    assert!(!link.text.contains("Hello") && !link.html.contains("Hello"));

    // The interview invitation: French words, the time the French way
    // and in the candidate's zone (the organiser's, as they gave none),
    // the calendar invitation attached as always.
    let before = app.emails().len();
    schedule(&app, &camille.id).await;
    let invitation = emails_to(&app, "camille@example.com", before).await;
    assert_eq!(invitation.len(), 1);
    let invitation = &invitation[0];
    assert_eq!(
        invitation.subject,
        format!("Customer Support Specialist{NBSP}: et si nous en parlions\u{202f}?")
    );
    assert!(invitation.text.starts_with("Bonjour Camille Martin,"));
    assert!(
        invitation.text.contains(&format!(
            "Quand{NBSP}: mardi 2 mars 2027 à 15:00, heure de Paris (CET)"
        )),
        "{}",
        invitation.text
    );
    assert!(invitation.calendar, "the invitation is attached");
    assert!(invitation.html.contains("<html lang=\"fr\">"));
    // The interviewer's invitation stays English.
    let staff = emails_to(&app, OWNER_EMAIL, before).await;
    assert_eq!(staff.len(), 1);
    assert!(
        staff[0].subject.starts_with("Interview: Camille Martin"),
        "{staff:?}"
    );
    assert!(staff[0].html.contains("<html lang=\"en\">"));

    // Rejected: the interview still to come is cancelled, and both emails
    // are French.
    let before = app.emails().len();
    reject(&app, &camille.id, "Nous gardons votre profil en tête.").await;
    let emails = emails_to(&app, "camille@example.com", before).await;
    assert_eq!(emails.len(), 2, "{emails:?}");
    let cancelled = emails
        .iter()
        .find(|e| e.calendar)
        .expect("the cancellation");
    assert_eq!(
        cancelled.subject,
        format!("Customer Support Specialist{NBSP}: notre échange est annulé")
    );
    assert!(cancelled
        .text
        .contains("Nous avons dû annuler notre échange prévu le mardi 2 mars 2027 à 15:00"));
    assert!(
        !cancelled.text.contains("Nous reviendrons vers vous"),
        "the application has ended"
    );
    let rejection = emails.iter().find(|e| !e.calendar).unwrap();
    assert_eq!(
        rejection.subject,
        "Votre candidature au poste de Customer Support Specialist"
    );
    assert!(rejection.text.starts_with(
        "Bonjour Camille Martin,\n\nMerci pour le temps et le soin que vous avez consacrés"
    ));
    assert!(rejection
        .text
        .contains("pour ce poste.\n\nNous gardons votre profil en tête.\n\nNous vous souhaitons"));

    // An English candidate of the same job: everything in English.
    let ana = applied(&app, &slug, "Ana Lima", "ana@example.com").await;
    assert_eq!(ana.locale, "en");
    schedule(&app, &ana.id).await;
    reject(&app, &ana.id, "").await;
    let to_ana = emails_to(&app, "ana@example.com", 0).await;
    let by_subject = |start: &str| {
        to_ana
            .iter()
            .find(|e| e.subject.starts_with(start))
            .unwrap_or_else(|| panic!("no email {start}: {to_ana:?}"))
    };
    assert_eq!(to_ana.len(), 4, "{to_ana:?}");
    let confirmation = by_subject("We received your application for Customer Support Specialist");
    assert!(confirmation.text.starts_with(
        "Hello Ana Lima,\n\nThank you for applying for Customer Support Specialist at "
    ));
    assert!(confirmation.html.contains("<html lang=\"en\">"));
    assert!(by_subject("Customer Support Specialist: let's talk")
        .text
        .contains("When: Tuesday 2 March 2027, 15:00 Paris time (CET)"));
    assert!(
        by_subject("Customer Support Specialist: our conversation is cancelled")
            .text
            .contains("cancel our conversation planned for Tuesday 2 March 2027, 15:00 Paris time")
    );
    assert!(
        by_subject("Your application for Customer Support Specialist")
            .text
            .starts_with("Hello Ana Lima,\n\nThank you for the time and care you gave")
    );
    for e in &to_ana {
        assert!(!e.text.contains("Bonjour"), "{e:?}");
    }
}

async fn an_owners_french_text_goes_to_french_candidates_only(backend: Backend) {
    let app = spawn(backend).await;
    let (job_id, slug) = job(&app).await;
    let editor = format!("/admin/jobs/{job_id}/emails/rejection");

    // The French tab shows the French default, previewed with a French
    // sample candidate; the English one is unchanged.
    let page = app.get_text(&format!("{editor}?language=fr")).await;
    assert!(page.contains("Merci pour le temps et le soin"), "{page}");
    assert!(page.contains("Camille Martin"), "a French sample candidate");
    assert!(page.contains("Preview (sample candidate, in Français)"));
    assert!(page.contains(r#"<input type="hidden" name="language" value="fr">"#));
    let page = app.get_text(&editor).await;
    assert!(page.contains("Thank you for the time and care"));
    assert!(page.contains("Preview (sample candidate)"));

    let res = app
        .post_form(
            &editor,
            &[
                ("language", "fr"),
                ("subject", "À propos du poste {{job_title}}"),
                (
                    "body",
                    "Chère {{name}}, merci : nous avons choisi une autre personne.{{#if reason}} {{reason}}{{/if}}",
                ),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        crate::helpers::location(&res),
        format!("{editor}?language=fr")
    );
    let page = app.get_text(&format!("{editor}?language=fr")).await;
    let chip = "<span class=\"chip chip--neutral\">this job&#x27;s own text</span>";
    assert!(page.contains(chip), "{page}");
    assert!(page.contains("Chère Camille Martin, merci"), "the preview");
    let page = app.get_text(&editor).await;
    assert!(!page.contains(chip), "English is still the default");
    assert!(
        page.contains(r#"aria-current="page">English</a>"#)
            && page.contains("Français <span class=\"muted\">(own text)</span></a>"),
        "the language tabs say which have the job's own text"
    );
    let id = job_id.clone();
    let (french, english) = app
        .db
        .read(move |conn| {
            Ok((
                rapport::db::email_templates::get(
                    conn,
                    &id,
                    "rejection",
                    Locale::parse("fr").unwrap(),
                )?,
                rapport::db::email_templates::get(conn, &id, "rejection", Locale::ENGLISH)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!(french.unwrap().0, "À propos du poste {{job_title}}");
    assert!(english.is_none());

    let camille = applied(&app, &slug, "Camille Martin", "camille@example.com").await;
    set_language(&app, &camille.id, "fr").await;
    let ana = applied(&app, &slug, "Ana Lima", "ana@example.com").await;
    app.deliver_mail().await;
    let before = app.emails().len();
    reject(&app, &camille.id, "Le poste a été pourvu.").await;
    reject(&app, &ana.id, "The role is filled.").await;
    let to_camille = emails_to(&app, "camille@example.com", before).await;
    assert_eq!(to_camille.len(), 1);
    assert_eq!(
        to_camille[0].subject,
        "À propos du poste Customer Support Specialist"
    );
    assert_eq!(
        to_camille[0].text,
        "Chère Camille Martin, merci : nous avons choisi une autre personne. Le poste a été pourvu."
    );
    let to_ana = emails_to(&app, "ana@example.com", before).await;
    assert_eq!(to_ana.len(), 1);
    assert_eq!(
        to_ana[0].subject,
        "Your application for Customer Support Specialist"
    );
    assert!(to_ana[0].text.starts_with("Hello Ana Lima,"));
    assert!(to_ana[0].text.contains("The role is filled."));

    // Back to the default, in French only.
    let res = app
        .post_form(&editor, &[("language", "fr"), ("action", "reset")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = app.get_text(&format!("{editor}?language=fr")).await;
    assert!(page.contains("Merci pour le temps et le soin"));
}

async fn spawn(backend: Backend) -> TestApp {
    crate::helpers::spawn_app(backend).await
}

/// Two owners (or one double click) saving the same job's French rejection
/// text at the same moment, when it has none yet: both are answered, and
/// one text is kept, whole, not two rows nor a failed save.
async fn owners_saving_one_text_at_once_leave_one_text(backend: Backend) {
    let app = spawn(backend).await;
    let (job_id, _) = job(&app).await;
    let editor = format!("/admin/jobs/{job_id}/emails/rejection");
    let token = app.csrf_token().await;
    let bodies: Vec<String> = (0..6)
        .map(|i| format!("Chère {{{{name}}}}, version {i}."))
        .collect();
    let saves = bodies.iter().map(|body| {
        let (app, editor, token) = (&app, &editor, &token);
        async move {
            app.post_raw(
                editor,
                &[
                    ("language", "fr"),
                    ("subject", "À propos du poste"),
                    ("body", body),
                    ("action", "save"),
                    ("csrf_token", token),
                ],
            )
            .await
            .status()
            .as_u16()
        }
    });
    let statuses = futures::future::join_all(saves).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let id = job_id.clone();
    let rows: Vec<(String, String)> = app
        .db
        .read(move |conn| {
            use diesel::prelude::*;
            use rapport::db::schema::email_templates as t;
            t::table
                .filter(t::job_id.eq(id))
                .select((t::locale, t::body))
                .load(conn)
                .map_err(Into::into)
        })
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "fr");
    assert!(bodies.contains(&rows[0].1), "one of the texts, whole");
}
