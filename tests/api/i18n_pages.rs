//! Candidate and public pages in the visitor's language: the job's (its
//! questionnaire's), the browser's among the job's, or the one chosen with
//! the switch; the application remembers its language.

use reqwest::header::{ACCEPT_LANGUAGE, ETAG, IF_NONE_MATCH, SET_COOKIE, VARY};

use crate::helpers::{csrf_from, location, spawn_app, Backend, Browser, TestApp};
use crate::on_every_backend;

on_every_backend!(
    a_french_browser_gets_french_only_where_the_job_speaks_it,
    the_switch_changes_the_language_and_the_cookie_keeps_it,
    the_public_job_page_is_kept_once_per_language,
    a_french_candidate_reads_the_form_s_errors_in_french,
    the_application_speaks_its_questionnaire_s_language_until_the_candidate_switches,
    a_form_s_language_is_the_application_s_when_no_questionnaire_says_otherwise,
    the_job_page_follows_a_change_of_questionnaire_at_once,
    switching_language_from_two_tabs_at_once_keeps_one,
);

const FRENCH: &str = "fr-FR,fr;q=0.9,en;q=0.5";

/// Two published jobs: one screened with the French questionnaire, one
/// with none (English). Returns (French job id, its slug, English slug).
async fn two_jobs(app: &TestApp) -> (String, String, String) {
    app.sign_up_owner().await;
    let (fr_id, fr_slug) = app.publish_job(&[("title", "Spécialiste support")]).await;
    app.set_screening(&fr_id, &["generalist-fr"], false).await;
    let (_, en_slug) = app.publish_job(&[("title", "Support Specialist")]).await;
    (fr_id, fr_slug, en_slug)
}

fn lang_of(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("html").unwrap();
    doc.select(&sel)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .unwrap_or_default()
        .to_string()
}

async fn get_in(client: &reqwest::Client, url: String, accept: &str) -> String {
    client
        .get(url)
        .header(ACCEPT_LANGUAGE, accept)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn a_french_browser_gets_french_only_where_the_job_speaks_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, fr_slug, en_slug) = two_jobs(&app).await;
    let visitor = app.anonymous();

    let form = get_in(&visitor, app.url(&format!("/jobs/{fr_slug}/apply")), FRENCH).await;
    assert_eq!(lang_of(&form), "fr");
    assert!(form.contains("Envoyer ma candidature"), "{form}");
    assert!(form.contains("Langues dans lesquelles vous pouvez aider les clients"));
    assert!(form.contains(r#"<option value="de">Allemand</option>"#));
    assert!(!form.contains("Send my application"));
    // The form says which language it was filled in.
    assert!(form.contains(r#"name="locale" value="fr""#));

    let form = get_in(&visitor, app.url(&format!("/jobs/{en_slug}/apply")), FRENCH).await;
    assert_eq!(lang_of(&form), "en", "the English job offers no French");
    assert!(form.contains("Send my application"));

    // The job page: the browser's language among the job's, else the job's own.
    let page = get_in(&visitor, app.url(&format!("/jobs/{fr_slug}")), FRENCH).await;
    assert_eq!(lang_of(&page), "fr");
    assert!(page.contains("Intéressé(e)"));
    assert!(
        page.contains(r#""inLanguage":"fr""#),
        "JSON-LD names the job's language"
    );
    let page = get_in(&visitor, app.url(&format!("/jobs/{fr_slug}")), "en-GB,en").await;
    assert_eq!(lang_of(&page), "fr", "the job's own language by default");
    let page = get_in(&visitor, app.url(&format!("/jobs/{en_slug}")), FRENCH).await;
    assert_eq!(lang_of(&page), "en");
    assert!(page.contains("Interested?"));
    assert!(page.contains(r#""inLanguage":"en""#));

    // The board: the browser's language among all, each job marked with its own.
    let board = get_in(&visitor, app.url("/jobs"), FRENCH).await;
    assert_eq!(lang_of(&board), "fr");
    assert!(board.contains("Offres ouvertes chez"));
    let doc = scraper::Html::parse_document(&board);
    let sel = scraper::Selector::parse("li.job-list__item").unwrap();
    let mut langs: Vec<String> = doc
        .select(&sel)
        .map(|li| li.value().attr("lang").unwrap_or_default().to_string())
        .collect();
    langs.sort();
    assert_eq!(langs, ["en", "fr"]);
    let board = get_in(&visitor, app.url("/jobs"), "de-DE").await;
    assert_eq!(
        lang_of(&board),
        "en",
        "a language Rapport lacks gets English"
    );

    // Error pages speak the visitor's language on public addresses.
    let missing = get_in(&visitor, app.url("/jobs/no-such-job"), FRENCH).await;
    assert!(missing.contains("Page introuvable"), "{missing}");
}

async fn the_switch_changes_the_language_and_the_cookie_keeps_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, _, en_slug) = two_jobs(&app).await;
    let visitor = app.new_browser();

    let res = visitor.get("/jobs?lang=fr").await;
    assert!(res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("rapport_lang=fr")));
    let board = res.text().await.unwrap();
    assert_eq!(lang_of(&board), "fr");
    // The switch links to this page in each language.
    let doc = scraper::Html::parse_document(&board);
    let sel = scraper::Selector::parse("nav.language-switch a").unwrap();
    let links: Vec<(String, String)> = doc
        .select(&sel)
        .map(|a| {
            let attr = |n: &str| a.value().attr(n).unwrap_or_default().to_string();
            (attr("hreflang"), attr("href"))
        })
        .collect();
    assert!(
        links.contains(&("en".into(), "/jobs?lang=en".into())),
        "{links:?}"
    );
    assert!(
        links.contains(&("fr".into(), "/jobs?lang=fr".into())),
        "{links:?}"
    );

    // Remembered: the English job's form is in French for this visitor.
    let form = visitor.get_text(&format!("/jobs/{en_slug}/apply")).await;
    assert_eq!(lang_of(&form), "fr");
    assert!(form.contains("Envoyer ma candidature"));
    let page = visitor.get_text(&format!("/jobs/{en_slug}")).await;
    assert_eq!(lang_of(&page), "fr");

    // And switched back.
    assert_eq!(lang_of(&visitor.get_text("/jobs?lang=en").await), "en");
    assert_eq!(
        lang_of(&visitor.get_text(&format!("/jobs/{en_slug}")).await),
        "en"
    );

    // The support-language filter is not the page's language.
    let filtered = visitor.get_text("/jobs?language=de").await;
    assert_eq!(lang_of(&filtered), "en");
    assert!(filtered.contains("No open job matches these filters"));
}

async fn the_public_job_page_is_kept_once_per_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, fr_slug, _) = two_jobs(&app).await;
    let client = app.anonymous();
    let fetch = |lang: &'static str| {
        let client = client.clone();
        let url = app.url(&format!("/jobs/{fr_slug}?lang={lang}"));
        async move { client.get(url).send().await.unwrap() }
    };
    let en = fetch("en").await;
    let fr = fetch("fr").await;
    for res in [&en, &fr] {
        assert_eq!(res.status().as_u16(), 200);
        let vary = res.headers()[VARY].to_str().unwrap().to_string();
        assert!(vary.contains("Accept-Language"), "{vary}");
        assert!(vary.contains("Accept-Encoding"), "{vary}");
    }
    let (en_tag, fr_tag) = (en.headers()[ETAG].clone(), fr.headers()[ETAG].clone());
    assert_ne!(en_tag, fr_tag);
    let (en_body, fr_body) = (en.text().await.unwrap(), fr.text().await.unwrap());
    assert_ne!(en_body, fr_body);
    assert!(en_body.contains("Apply now"));
    assert!(fr_body.contains("Postuler"));
    // Each language's page is served again as stored.
    let again = fetch("en").await;
    assert_eq!(again.headers()[ETAG], en_tag);
    assert_eq!(again.text().await.unwrap(), en_body);
    let res = client
        .get(app.url(&format!("/jobs/{fr_slug}?lang=fr")))
        .header(IF_NONE_MATCH, fr_tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    // A browser asking for French by its header gets the French bytes.
    let by_header = get_in(&client, app.url(&format!("/jobs/{fr_slug}")), FRENCH).await;
    assert_eq!(by_header, fr_body);
}

/// Posts the application form with these fields (and a valid token).
async fn post_application(who: &Browser, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = who.get_text(&format!("/jobs/{slug}/apply")).await;
    let token = csrf_from(&page).expect("the form carries a token");
    let mut form = reqwest::multipart::Form::new().text("csrf_token", token);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    who.client
        .post(who.url(&format!("/jobs/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn a_french_candidate_reads_the_form_s_errors_in_french(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, _, en_slug) = two_jobs(&app).await;
    let ana = app.new_browser();
    let res = post_application(
        &ana,
        &en_slug,
        &[
            ("locale", "fr"),
            ("email", "pas une adresse"),
            ("languages", "fr"),
            ("fluencies", "native"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert_eq!(lang_of(&page), "fr");
    assert!(page.contains("Indiquez un nom."), "{page}");
    assert!(page.contains("Indiquez une adresse e-mail de la forme nom@exemple.fr."));
    assert!(page.contains("Cochez la case"));
    assert!(page.contains("Corrigez ces 3 problèmes"));
    assert!(page.contains("Erreur"));
    assert!(!page.contains("Enter a name."));
    // What they typed and chose stays, in French.
    assert!(
        page.contains(r#"<option value="native" selected>Langue maternelle ou bilingue</option>"#)
    );

    // The same mistakes on the English form read in English.
    let res = post_application(&ana, &en_slug, &[("locale", "en"), ("email", "x")]).await;
    let page = res.text().await.unwrap();
    assert_eq!(lang_of(&page), "en");
    assert!(page.contains("Enter a name."));
    assert!(page.contains("Please fix these"));
}

async fn application_locale(app: &TestApp, job_id: &str, email: &str) -> String {
    let (job_id, email) = (job_id.to_string(), email.to_string());
    app.db
        .read(move |c| rapport::db::applications::find_by_job_email(c, &job_id, &email))
        .await
        .unwrap()
        .expect("stored")
        .locale
}

/// Béa, a French speaker, applies on the English form; her browser and
/// the answer to her application.
async fn bea_applies(app: &TestApp, slug: &str) -> (Browser, reqwest::Response) {
    let bea = app.new_browser();
    let res = post_application(
        &bea,
        slug,
        &[
            ("locale", "en"),
            ("name", "Béa"),
            ("email", "bea@example.com"),
            ("languages", "fr"),
            ("fluencies", "native"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    (bea, res)
}

async fn the_application_speaks_its_questionnaire_s_language_until_the_candidate_switches(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (fr_id, fr_slug, _) = two_jobs(&app).await;
    // Filled in on the English form: the French questionnaire decides.
    let (bea, res) = bea_applies(&app, &fr_slug).await;
    assert_eq!(
        application_locale(&app, &fr_id, "bea@example.com").await,
        "fr"
    );
    let thanks = bea.get_text(&location(&res)).await;
    assert_eq!(lang_of(&thanks), "fr");
    assert!(thanks.contains("Merci, Béa"), "{thanks}");

    // Her own page is in French, dates too.
    let link = app.candidate_link("bea@example.com").await;
    assert_eq!(bea.get(&link).await.status().as_u16(), 303);
    let home = bea.get_text("/candidate").await;
    assert_eq!(lang_of(&home), "fr");
    assert!(home.contains("Bonjour Béa"));
    assert!(home.contains("Vos questions de présélection attendent vos réponses."));
    let res = app
        .post_form(
            &format!("/admin/jobs/{fr_id}/close"),
            &[("reason", "filled"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let home = bea.get_text("/candidate").await;
    let french_day = regex::Regex::new(
        r"le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}, \d+\u{a0}mois après sa clôture",
    )
    .unwrap();
    assert!(french_day.is_match(&home), "{home}");

    // The switch on her page changes the language she is written in.
    let home = bea.get_text("/candidate?lang=en").await;
    assert_eq!(lang_of(&home), "en");
    assert!(home.contains("Hello Béa"));
    assert_eq!(
        application_locale(&app, &fr_id, "bea@example.com").await,
        "en"
    );
    let english_day =
        regex::Regex::new(r"on \d{1,2} [A-Z][a-z]+ \d{4}, \d+ months after it closed").unwrap();
    assert!(english_day.is_match(&home), "{home}");
}

async fn a_form_s_language_is_the_application_s_when_no_questionnaire_says_otherwise(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (job_id, slug) = app.publish_job(&[("title", "Support Specialist")]).await;
    let cleo = app.new_browser();
    let res = post_application(
        &cleo,
        &slug,
        &[
            ("locale", "fr"),
            ("name", "Cléo"),
            ("email", "cleo@example.com"),
            ("languages", "en"),
            ("fluencies", "fluent"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        application_locale(&app, &job_id, "cleo@example.com").await,
        "fr"
    );
    // Someone on the English form stays English.
    let dan = app.new_browser();
    dan.apply(&slug, "Dan", "dan@example.com", None).await;
    assert_eq!(
        application_locale(&app, &job_id, "dan@example.com").await,
        "en"
    );
}

async fn the_job_page_follows_a_change_of_questionnaire_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_up_owner().await;
    let (id, slug) = app.publish_job(&[("title", "Support Specialist")]).await;
    let visitor = app.anonymous();
    let page = get_in(&visitor, app.url(&format!("/jobs/{slug}")), "").await;
    assert_eq!(lang_of(&page), "en");
    // The kept page must not outlive the questionnaire that set its language.
    app.set_screening(&id, &["generalist-fr"], false).await;
    let page = get_in(&visitor, app.url(&format!("/jobs/{slug}")), "").await;
    assert_eq!(lang_of(&page), "fr");
    let board = get_in(&visitor, app.url("/jobs"), "").await;
    assert!(
        board.contains(r#"lang="fr""#),
        "the board marks the job's language"
    );
}

/// A candidate switching language in two tabs at the same moment: every
/// page answers, in the language it asked for, and the application keeps
/// one of the two.
async fn switching_language_from_two_tabs_at_once_keeps_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (fr_id, fr_slug, _) = two_jobs(&app).await;
    let (bea, _) = bea_applies(&app, &fr_slug).await;
    let link = app.candidate_link("bea@example.com").await;
    assert_eq!(bea.get(&link).await.status().as_u16(), 303);
    let switches = (0..12).map(|i| {
        let bea = &bea;
        let code = if i % 2 == 0 { "en" } else { "fr" };
        async move {
            (
                code,
                lang_of(&bea.get_text(&format!("/candidate?lang={code}")).await),
            )
        }
    });
    for (asked, got) in futures::future::join_all(switches).await {
        assert_eq!(asked, got);
    }
    let kept = application_locale(&app, &fr_id, "bea@example.com").await;
    assert!(kept == "en" || kept == "fr", "{kept}");
}
