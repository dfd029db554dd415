# English: the language every other file translates from. A message
# missing from another language falls back to this file.
# Keys: <area>-<what>; staff pages may stay in English, so only the
# candidate-facing keys (and the formats) need every language.

## How this language is written (read by code, not shown as is)

# The language's own name, for the switch on candidate pages.
language-name = English
# chrono's locale for month and day names (a POSIX locale name).
chrono-locale = en_GB
# strftime patterns.
format-date = %-d %B %Y
format-datetime = %A %-d %B %Y, %H:%M
format-time = %H:%M
format-weekday-date = %A %-d %B
number-group-separator = ,
number-decimal-separator = .
# A moment in a named zone: "Tuesday 2 March 2027, 14:00 Lisbon time (WET)".
when-in-city = { $datetime } { $city } time ({ $abbr })
when-in-zone = { $datetime } { $abbr }

## The page around every candidate and public page

layout-skip = Skip to content
layout-jobs = Jobs
layout-open-jobs = Open jobs
layout-feed = Feed
layout-feed-title = Open jobs
layout-footer-html = Hiring with <a href="/jobs">Rapport</a>. We read every application.
layout-language = Language

## Candidate pages
# (the apply form, the thank-you page, personal pages, booking, the board and job pages)

# end of candidate pages



## Emails
# (to candidates; staff emails are under Staff pages)

# Shared by the emails below. Subjects and plain text are not HTML; a
# message ending in -html is the HTML part's version, with its markup.
email-hello = Hello { $name },
email-wish-luck = We wish you all the best in your search.
email-ignore-if-not-asked = If you did not ask for it, you can ignore this email.

# The confirmation of an application, with the personal link: to the
# screening questions when there are some, else to the application's page.
# $expires is a date ("2 March 2027").
email-received-subject-questions = Your application for { $job }: the next step
email-received-subject = We received your application for { $job }
email-received-thanks = Thank you for applying for { $job } at { $company }. We read every application.
email-received-thanks-html = Thank you for applying for <strong>{ $job }</strong> at { $company }. We read every application.
email-received-questions = The next step is a few screening questions: real situations our customers bring us, with links to our help centre. Take your time; your answers are saved as you go.
email-received-questions-link = Your personal link (it works until { $expires }; keep it to yourself):
email-received-questions-open-html = <a href="{ $link }">Open your questions</a> (your personal link works until { $expires }; keep it to yourself).
email-received-status = You will hear from us within a week. Your own page shows where your application stands; there you can also withdraw it or have your data erased at any time.
email-received-status-link = Your personal link (it works until { $expires }, and you can ask for a new one from the job's page; keep it to yourself):
email-received-status-open-html = <a href="{ $link }">Open your application's page</a> (your personal link works until { $expires }, and you can ask for a new one from the job's page; keep it to yourself).

# The next round of screening questions. $tiers: "2" or "2, 3".
email-next-round-subject = { $job }: your next questions
email-next-round-passed = Thank you for your answers: you passed the first part of the screening for { $job }. The next questions (tier { $tiers }) are a little trickier; the links in them will help.
email-next-round-passed-html = Thank you for your answers: you passed the first part of the screening for <strong>{ $job }</strong>. The next questions (tier { $tiers }) are a little trickier; the links in them will help.
email-next-round-link = Your personal link (it works until { $expires }):
email-next-round-open-html = <a href="{ $link }">Open your next questions</a> (your personal link works until { $expires }).

# A new personal link: asked for, or because the candidate applied again
# with the same address.
email-link-subject-again = Your application for { $job }: your personal link
email-link-subject = Your new link for { $job }
email-link-again = Someone (probably you) just applied again for { $job } at { $company } with this email address. We already have your application, so we did not create a second one and nothing in it has changed.
email-link-again-html = Someone (probably you) just applied again for <strong>{ $job }</strong> at { $company } with this email address. We already have your application, so we did not create a second one and nothing in it has changed.
email-link-again-link = Here is the personal link to your application (it works until { $expires }; keep it to yourself):
email-link-again-open-html = <a href="{ $link }">Open your application</a> (your personal link works until { $expires }; keep it to yourself).
email-link-new = Here is a new personal link to your application for { $job } at { $company } (it works until { $expires }):
email-link-new-html = Here is a <a href="{ $link }">new personal link to your application</a> for <strong>{ $job }</strong> at { $company } (it works until { $expires }).

# The automatic decline after a screen below the pass mark.
email-declined-subject = Your application for { $job }
email-declined-body = Thank you for the time you gave to our screening questions for { $job }. We have decided not to go further with your application: this is our final decision for this role, and it says nothing about what you can become.
email-declined-body-html = Thank you for the time you gave to our screening questions for <strong>{ $job }</strong>. We have decided not to go further with your application: this is our final decision for this role, and it says nothing about what you can become.

# The default texts of the emails an owner may rewrite per job. They are
# templates: each variable becomes the placeholder of the same name
# ($name becomes {{name}}), filled when the email is sent. A variable
# whose name starts with if_ or unless_ is a part shown only sometimes,
# built by Rapport from the message that follows (with a space before
# that message's sentence).
email-default-booking-invitation-subject = { $job_title }: choose a time to talk
email-default-booking-invitation-body =
    Hello { $name },

    Thank you for your answers: we enjoyed reading them, and we would like to talk with you. Choose the time that suits you best:

    { $booking_link }

    The times are shown in your own time zone. You can move or cancel your booking from the same link.

    { $company }
email-default-interview-invitation-subject = { $job_title }: let's talk
email-default-interview-invitation-body =
    Hello { $name },

    Thank you for your answers: we enjoyed reading them, and we would like to talk with you.

    When: { $when }
    Where: { $location }
    With: { $interviewers }

    The invitation is attached for your calendar. { $if_reply_to }

    { $company }
# Only when the company has a reply address.
email-default-interview-invitation-reply = If the time does not suit you, just reply and we will find another.
email-default-interview-update-subject = Rescheduled: our conversation about { $job_title }
email-default-interview-update-body =
    Hello { $name },

    Rescheduled: our conversation has moved. The new time:

    When: { $when }
    Where: { $location }

    The updated invitation is attached. Sorry for the change, and thank you for your flexibility.

    { $company }
email-default-interview-cancelled-subject = { $job_title }: our conversation is cancelled
email-default-interview-cancelled-body =
    Hello { $name },

    We have had to cancel our conversation planned for { $when }.{ $unless_decided }

    { $company }
# Only while the application goes on.
email-default-interview-cancelled-next = We will be in touch about what comes next.
email-default-rejection-subject = Your application for { $job_title }
# $if_reason: the reason the team gave, as a paragraph of its own, when there is one.
email-default-rejection-body =
    Hello { $name },

    Thank you for the time and care you gave to your application for { $job_title }. We have decided not to go further with it: this is our final decision for this role.{ $if_reason }

    We wish you all the best in your search.

    { $company }
email-default-offer-subject = { $job_title }: an offer from { $company }
# $call: one of the two sentences below.
email-default-offer-body =
    Hello { $name },

    We are delighted: the whole team would like you to join { $company } as { $job_title }.

    { $terms }

    { $call }

    { $company }
# When the company has a reply address.
email-default-offer-call-reply = Reply to this email with any question; we will call you to talk it through.
email-default-offer-call = We will call you to talk it through.

# A sample candidate, for the preview of the texts above in this language.
email-sample-name = Ana Lima
email-sample-job = Customer Support Specialist
email-sample-timezone = Europe/Lisbon
email-sample-interviewers = Fran Founder, Ivy Interviewer
email-sample-reason = We chose a candidate with more experience in billing support.
email-sample-terms = Full time, EUR 44,000 a year, starting 1 April.

# The owner's editor of the texts above (staff only, in English).
staff-email-editor-heading = Candidate emails: { $job }
staff-email-editor-nav = Emails
staff-email-editor-languages = Language of the text
staff-email-editor-customised = this job's own text
staff-email-editor-own-text = own text
staff-email-editor-nothing-saved = Nothing was saved.
staff-email-editor-subject = Subject
staff-email-editor-text = Text
staff-email-editor-placeholders = Placeholders:
staff-email-editor-preview = Preview
staff-email-editor-save = Save
staff-email-editor-reset = Back to the default
staff-email-editor-preview-title = Preview (sample candidate)
staff-email-editor-preview-title-in = Preview (sample candidate, in { $language })
staff-email-editor-unknown = Not known to Rapport, so blank in the email:
staff-email-editor-known = Known placeholders:
staff-email-editor-fix = Fix the text to see the preview.
staff-email-editor-replies-go-to = Candidates' replies go to { $address }.
staff-email-editor-no-reply-html = No reply address is set (Team → Company): emails carry no Reply-To, and the parts inside <code>{ $raw_if }</code> are left out.
staff-email-editor-language-hint = Each candidate gets the text in the language they applied in: this job's own text in that language, else the default.

# end of emails



## Staff pages
# In English only for now: every key here starts with `staff-`, which
# exempts it from the other files.

# end of staff pages
