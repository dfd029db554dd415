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

# Shared words
cand-see-open-jobs = See the open jobs
cand-back-to-job = Back to the job
cand-inbox-heading = Check your inbox
cand-minutes = { $minutes } minutes
cand-where = Where:
cand-question = Question { $number }
cand-send-answers = Send my answers
cand-job-closed = This job is closed

# The application form
cand-apply-title = Apply: { $job }
cand-apply-problems-title = Please check your application
cand-apply-closed-html = It no longer takes applications. Thank you for your interest; <a href="/jobs">see the open jobs</a>.
cand-apply-closed-error = This job is closed and no longer takes applications.
cand-apply-intro-questions = It takes about five minutes. After you apply we email you a personal link to a few screening questions: real support situations, with links to our help centre so you are not answering blind. You can save and come back.
cand-apply-intro-status = It takes about five minutes. After you apply we email you a personal link to your own page, where you can follow your application.
cand-apply-name = Your name
cand-apply-email = Email
cand-apply-email-hint = We write to you only about this job.
cand-apply-languages = Languages you can support customers in
cand-apply-language = Language
cand-apply-fluency = How well
cand-apply-location = Where you live (optional)
cand-apply-location-hint = City and country.
cand-apply-timezone = Your time zone (optional)
cand-apply-timezone-hint = Type your region or city and pick it from the list, e.g. Europe/Lisbon. We write interview times in your zone.
cand-apply-cover-letter = A few words about you (optional)
cand-apply-cover-letter-hint = Why support, why us, what you have done with customers. Personality welcome; no need for a formal letter.
cand-apply-portfolio = A link to your CV, LinkedIn or portfolio (optional)
cand-apply-cv = Or attach your CV as a PDF (optional, up to { $mb } MB)
cand-apply-consent = I agree that { $company } keeps and reads my application and answers to consider me for this job. They are kept for { $months } months after this job closes, then deleted; I can withdraw or have them erased at any time from my status page.
cand-apply-send = Send my application

# What the form says is wrong
cand-error-name-empty = Enter a name.
cand-error-name-long = Use at most 120 characters for the name.
cand-error-name-control = The name cannot contain control characters.
cand-error-email-empty = Enter an email address.
cand-error-email-invalid = Enter an email address like name@example.com.
cand-error-languages-list = Choose languages from the list.
cand-error-languages-fluency = Say how well you speak each language.
cand-error-languages-none = Tell us at least one language you can support customers in, and how well you speak it.
cand-error-location-long = Use at most 200 characters.
cand-error-timezone = Choose your time zone from the list, by its city (for example Europe/Lisbon or America/New_York), or leave it empty.
cand-error-cover-letter-long = Keep the cover letter under { $max } characters.
cand-error-portfolio-url = Enter the full address, like https://linkedin.com/in/you, or leave it empty.
cand-error-consent = Tick the box to agree that we process your application (you can withdraw and erase it at any time).
cand-error-cv-large = The CV is larger than 5 MB. Send a smaller PDF, or a link to it instead.
cand-error-cv-unreadable = The CV could not be read. Please try again.
cand-error-cv-not-pdf = The CV is not a PDF document. Save it as PDF and try again, or send a link instead.
cand-error-answer-long = An answer is longer than { $max } characters. Please shorten it; nothing was lost on our side, go back to keep your text.
cand-error-already-closed = This application is already closed.

# Languages and how well one speaks them
cand-language-en = English
cand-language-fr = French
cand-language-de = German
cand-language-es = Spanish
cand-language-it = Italian
cand-language-pt = Portuguese
cand-language-nl = Dutch
cand-language-pl = Polish
cand-language-sv = Swedish
cand-language-da = Danish
cand-language-no = Norwegian
cand-language-fi = Finnish
cand-language-cs = Czech
cand-language-ro = Romanian
cand-language-tr = Turkish
cand-language-ru = Russian
cand-language-uk = Ukrainian
cand-language-ar = Arabic
cand-language-he = Hebrew
cand-language-hi = Hindi
cand-language-ja = Japanese
cand-language-ko = Korean
cand-language-zh = Chinese
cand-fluency-native = Native or bilingual
cand-fluency-fluent = Fluent
cand-fluency-professional = Professional working
cand-fluency-conversational = Conversational

# After applying
cand-applied-title = Thank you for applying
cand-applied-thanks = Thanks — we read every application.
cand-applied-thanks-name = Thanks, { $name } — we read every application.
cand-applied-sent = We have sent your personal link for { $job } to the address you gave. It may take a minute or two; check your spam folder too.
cand-applied-questions = The link opens your screening questions: real situations our customers bring us. Take your time, use the links we give you, and write as you would to a customer. Your answers are saved as you go.
cand-applied-status = The link opens your own page, where you can see where your application stands, withdraw it, or have your data erased. You will hear from us within a week.
cand-applied-no-email-html = No email in a few minutes? <a href="/jobs/{ $slug }#lost-link">Ask for a new link</a>.

# Personal links
cand-link-sent-body = If you applied for { $job } with that address, we have just emailed you a new personal link. It may take a minute or two; check your spam folder too.
cand-lost-title = Get a new personal link
cand-lost-body = Already applied for { $job }? Enter the email you applied with and we will send you a new link to your questions and your application.
cand-link-expired = This link has expired
cand-link-broken = This link does not work
cand-link-expired-body = Personal links work for a limited time. Enter the email you applied with and we will send you a new link for { $job }.
cand-link-broken-html = We could not find this link. Check that you copied the whole address from the email. If it still does not work, open the job on our <a href="/jobs">job board</a> and use “Lost your link?” to get a new one.

# The candidate's own page
cand-home-hello = Hello { $name }
cand-home-where = Where you stand
cand-home-done = (done)
cand-home-now = (now)
cand-home-booked = Your booked conversations
cand-home-invitations = We also emailed you a calendar invitation for each. If a time does not suit you, reply to that email.
cand-home-questions-size = { $count ->
    [one] { $count } question
   *[other] { $count } questions
  }{ $minutes ->
    [0] {""}
   *[other] , about { $minutes } minutes
  }.
cand-home-questions-how = Answer as you would reply to the customer. Your answers are saved as you type (and whenever you press “Save”); a question left empty counts as not answered. When you are happy with them, press “Send my answers”: you can send them only once.
cand-home-links = Links you may use
cand-home-helpful = Helpful:
cand-home-question-minutes = About { $minutes } minutes.
cand-home-save = Save
cand-home-data = Your application and your data
cand-home-erased-on = This job is closed: we delete your application and everything you sent on { $date }, { $months } months after it closed.
cand-home-kept = We keep your application for { $months } months after this job closes, then delete it.
cand-home-download = Download everything we hold about you
cand-home-json = (a JSON file)
cand-home-download-cv = Download the CV you sent
cand-home-withdraw = Withdraw my application
cand-home-erase = Erase my data now
cand-home-erase-hint = This deletes your application, your answers and any file you sent, at once. It cannot be undone.
cand-notice-saved = Your answers are saved. You can come back and finish later.
cand-notice-submitted = Thank you! We have your answers.
cand-notice-next = Thank you! You passed this part: the next questions are below, and we also emailed you a link to them.
cand-notice-already = We already have your answers for these questions, so nothing was changed.
cand-notice-withdrawn = You withdrew your application. We are sorry to see you go, and wish you well.
cand-step-applied = Application received
cand-step-screening = Screening questions
cand-step-review = The team reads your answers
cand-step-conversations = Conversations with the team
cand-step-decision = Decision
cand-stage-applied = We have your application. The team reads every one and will get back to you.
cand-stage-screening = Your screening questions are waiting for your answers.
cand-stage-screen-review = Thank you for your answers. The team is reading them and will get back to you.
cand-stage-interview = You are in the interview stage: the team would like to talk with you. Your booked conversations are listed here; we will be in touch about any next one.
cand-stage-final-conversation = One last, relaxed conversation with the team before the decision. It is listed here once booked.
cand-stage-team-decision = The team is making its decision. You will hear from us soon.
cand-stage-offer = We have made you an offer: the details are in our email. Reply to it with any question.
cand-stage-hired = Welcome to the team! We are so glad you said yes, and will be in touch about your first days.
cand-stage-rejected = We have decided not to go further with your application. Thank you for the time you gave us.
cand-stage-withdrawn = You withdrew your application.
cand-interview-culture = A conversation with the team
cand-interview-role-play = A support role-play with the team
cand-interview-cv-review = A conversation about your experience
cand-interview-technical = A technical conversation
cand-interview-final-conversation = A relaxed final conversation
cand-interview-other = Interview

# Are you sure?
cand-confirm-empty = { $count ->
    [one] { $count } question is still empty: an empty answer counts as not answered.
   *[other] { $count } questions are still empty: an empty answer counts as not answered.
  }
cand-confirm-answers = Your answers
cand-confirm-no-answer = No answer yet.
cand-confirm-back-answers = Back to my answers
cand-confirm-back = No, go back
cand-submit-title = Send your answers?
cand-submit-lead = Once sent, your answers cannot be changed. Read them through once more; if you want to change something, go back to them.
cand-submit-button = Yes, send my answers
cand-withdraw-title = Withdraw your application?
cand-withdraw-lead = We will stop considering you for this job, and you cannot undo it: to be considered again you would need to apply again. Your data stays until you erase it or the retention period ends.
cand-withdraw-button = Yes, withdraw my application
cand-erase-title = Erase all your data now?
cand-erase-lead = We will delete your application, your answers and any file you sent, at once, and withdraw you from this job. Your personal link will stop working. This cannot be undone.
cand-erase-button = Yes, erase my data
cand-erased-title = Your data is erased
cand-erased-body = We have deleted your application, your answers and any file you sent us. Thank you for your interest, and all the best.

# Booking an interview
cand-booking-title = Choose a time
cand-booking-heading = Choose a time to talk
cand-booking-heading-booked = Your interview with { $company }
cand-booking-facts = { $kind }, { $minutes } minutes. Where: { $location }
cand-booking-booked = Booked: { $when }
cand-booking-change-until = You can move or cancel it here until { $until }.
cand-booking-too-close = It is too close to change here now: if you cannot make it, reply to the invitation email and we will sort it out with you.
cand-booking-zone = Times are shown in your time zone, { $zone }.
cand-booking-move = Move my interview
cand-booking-book = Book this time
cand-booking-none-free = None of the times offered is free any more. Reply to our email and we will offer you others.
cand-booking-cancel = Cancel my interview
cand-booking-notice-booked = Your interview is booked: the invitation is on its way to your inbox.
cand-booking-notice-moved = Your interview is moved: the updated invitation is on its way.
cand-booking-notice-cancelled = Your booking is cancelled. You can choose another time below.
cand-booking-problem-choose = Choose one of the times below.
cand-booking-problem-not-offered = That time is not one of those offered any more. Choose one of the times below.
cand-booking-problem-taken = Sorry, someone booked that time a moment before you. The times below are still free: choose another one.
cand-booking-problem-too-late = Your interview is too close to change here now. Reply to the invitation email and we will sort it out with you.
cand-booking-problem-too-late-cancel = Your interview is too close to cancel here now. Reply to the invitation email and we will sort it out with you.

# The job board
public-board-title = Open jobs
public-board-heading = Open jobs at { $company }
public-filter = Filter jobs
public-filter-language = Support language
public-filter-any = Any language
public-filter-remote = Remote only
public-filter-show = Show jobs
public-filter-clear = Clear filters
public-posted = Posted { $date }
public-board-no-match-html = No open job matches these filters. <a href="/jobs">See all open jobs</a>.
public-board-empty-html = There are no open jobs right now. Follow the <a href="/jobs.atom">feed</a> to hear about the next one.

# A job's page
public-job-title = { $job } at { $company }
public-preview = Preview.
public-preview-draft = This job is a draft: only staff can see this page.
public-preview-look = This is how the job page looks.
public-preview-back = Back to the editor
public-job-where = Where
public-job-hours = Hours and time zones
public-job-employment = Employment
public-job-salary = Salary
public-job-languages = Languages
public-job-channels = Channels
public-job-tools = Tools
public-job-filled = We found the person we were looking for. Thank you to everyone who applied.
public-job-cancelled = We are no longer hiring for this role.
public-interested = Interested?
public-apply-intro = Apply with a short form, then answer a few real support questions by personal link.
public-open-until = Applications are open until { $date }.
public-apply-now = Apply now
public-already-applied = Already applied?
public-lost-link = Lost your link?
public-share = Share this job
public-share-email = Email
public-link = Link:
public-place-remote = Remote
public-place-remote-regions = Remote ({ $regions })
public-place-hybrid = Hybrid, { $location }
public-employment-full-time = Full time
public-employment-part-time = Part time
public-employment-contractor = Contractor
public-employment-temporary = Temporary
public-employment-intern = Internship
public-channel-email = Email
public-channel-live-chat = Live chat
public-channel-phone = Phone
public-channel-video-call = Video calls
public-channel-slack = Slack
public-channel-social-media = Social media
public-channel-community-forum = Community forum
public-salary-year = per year
public-salary-month = per month
public-salary-hour = per hour
public-section-typical-day = A typical day
public-section-technical = The technical side
public-section-looking-for = Who we are looking for
public-section-company-culture = About us
public-section-how-to-apply = How to apply

# Parts of forms
partial-error = Error:
partial-advice = Advice: { $note }
partial-errors-heading = { $count ->
    [one] Please fix this problem
   *[other] Please fix these { $count } problems
  }
partial-errors-nothing-saved = Nothing was saved yet.
partial-resend-email = The email you applied with
partial-resend-button = Email me a new link

# Error pages
error-see-open-jobs = See the open jobs
error-session-title = Open your personal link
error-session-body = To see your questions and where your application stands, open the personal link we emailed you. If you cannot find it, go back to the job's page and ask for a new one.
error-not-found-title = Page not found
error-not-found-body = We could not find this page. It may have moved, or the address may have a typo.
error-forbidden-title = Not allowed
error-forbidden-body = Your account cannot open this page. Ask the owner of this Rapport if you need it.
error-csrf-title = Please try again
error-csrf-body = This form expired or did not come from this site, so nothing was changed. Go back, reload the page and send it again.
error-bad-request-title = Something is not right
error-too-many-title = Too many attempts
error-conflict-title = Someone else acted first
error-media-title = This form could not be read
error-internal-title = Something went wrong
error-internal-body = Something went wrong on our side and nothing was changed. Please try again in a moment.
error-timeout-title = This took too long
error-timeout-body = Your browser stopped sending the form before it was complete, so nothing was saved. Check your connection, then send it again.

# Autosave on the answers page ({ $time } is written by the browser).
cand-autosave-saved = Saved at { $time }.
cand-autosave-sent = These answers were already sent.
cand-autosave-retry = Not saved yet: we will try again. Your text is still here.
cand-autosave-offline = Offline: not saved yet. Your text is still here; we will try again.

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

# Shared by several staff pages
staff-common-error = Error:
staff-common-email = Email
staff-common-actions = Actions
staff-common-save = Save
staff-common-cancel = Cancel
staff-common-back-home = ← Your work
staff-common-saved = Saved.
staff-common-password = Password

# emails/password_reset.*
staff-email-password-reset-hello = Hello { $name },
staff-email-password-reset-asked = Someone (we hope you) asked to choose a new password for your Rapport account at { $company }.
staff-email-password-reset-link-html = <a href="{ $link }">Choose your new password</a> (the link works once, for one hour, until { $expires_at }).
staff-email-password-reset-signs-out = Choosing a new password signs you out everywhere else.
staff-email-password-reset-ignore = If you did not ask for this, you can ignore this email: your password stays as it is.
staff-email-password-reset-subject = Choose a new password for Rapport at { $company }
staff-email-password-reset-link-text = Choose your new password here (the link works once, for one hour, until { $expires_at }):

# emails/staff_invitation.*
staff-email-invitation-hello = Hello { $name },
staff-email-invitation-invited-html = { $inviter } invited you to join { $company }'s hiring team on Rapport as <strong>{ $role }</strong>.
staff-email-invitation-link-html = <a href="{ $link }">Choose your password</a> (the link works once, until { $expires_on }).
staff-email-invitation-ignore = If you did not expect this email, you can ignore it: nothing happens until the link is used.
staff-email-invitation-subject = { $inviter } invited you to hire with { $company } on Rapport
staff-email-invitation-invited = { $inviter } invited you to join { $company }'s hiring team on Rapport as { $role }.
staff-email-invitation-link-text = Choose your password here (the link works once, until { $expires_on }):

# pages/admin/application.hbs
staff-application-back-board = ← Board: { $title }
staff-application-round-label = Screening round, tier { $tiers }
staff-application-round = Screening: tier { $tiers }
staff-application-round-sent = ({ $questionnaire } v{ $version }, sent { $sent_on })
staff-application-waiting = Waiting for the candidate's answers
staff-application-tier-percent = Tier { $tier }: { $percent }%
staff-application-scorer = Scored by scorer { $scorer_version }.
staff-application-tier = Tier { $tier }
staff-application-empathy = Empathy { $empathy }/2
staff-application-reviewed-grade = (reviewed; automatic { $automatic }/2)
staff-application-curiosity = Curiosity { $curiosity }/2
staff-application-content = Content { $content }%
staff-application-tone = Tone: { $tone }
staff-application-answer = Answer { $final_percent }%
staff-application-reviewed-percent = (reviewed; automatic { $percent }%)
staff-application-no-answer = No answer.
staff-application-writing = Writing: { $rate }
staff-application-covered = Covered:
staff-application-missed = Missed
staff-application-capped = (a required point is missing, so the score is capped at 50%)
staff-application-review-mode = Review mode
staff-application-off = (off)
staff-application-review-grades = { $author } — empathy { $empathy }/2, curiosity { $curiosity }/2
staff-application-key-points = key points:
staff-application-no-review = No review yet.
staff-application-override-counts = An owner's override counts instead.
staff-application-override = Reviewed by { $author } on { $at }: empathy { $empathy }/2, curiosity { $curiosity }/2, answer { $percent }%. “{ $reason }”
staff-application-override-title = Override this score
staff-application-nothing-saved = Nothing was saved yet.
staff-application-override-empathy = Empathy (0–2)
staff-application-override-curiosity = Curiosity (0–2)
staff-application-override-percent = Answer score (%)
staff-application-override-submit = Save the review
staff-application-no-rounds = No screening questions were sent for this application (the job has no questionnaire).
staff-application-facts = Application
staff-application-erased = The candidate erased their data.
staff-application-applied = Applied
staff-application-location = Location
staff-application-timezone = Time zone
staff-application-languages = Languages
staff-application-link = Link
staff-application-cv = CV
staff-application-download = Download { $cv_filename }
staff-application-cover-letter = Cover letter
staff-application-slip = Spelling slip
staff-application-interviews = Interviews
staff-application-decision-link = Scorecards and decision
staff-application-cancelled = cancelled
staff-application-none-scheduled = None scheduled.
staff-application-schedule = Schedule an interview
staff-application-kind = Kind
staff-application-date = Date
staff-application-time = Time
staff-application-minutes = Minutes
staff-application-location-field = Place or video link
staff-application-interviewers = Interviewers (from the panel)
staff-application-schedule-submit = Schedule and send invitations
staff-application-no-panel = Put people on the job's hiring panel first (job editor).
staff-application-offered = { $kind }: times offered { $sent }
staff-application-booked = booked by the candidate
staff-application-not-booked = waiting for the candidate to choose
staff-application-offer-times = Let the candidate choose a time
staff-application-offer-intro-html = The candidate gets a link to the times, in the next days, when every interviewer you choose is available (their <a href="/admin/account/availability">weekly hours</a>) and free. They see the times in their own time zone; the first to book a time gets it.
staff-application-your-timezone = Your time zone
staff-application-your-timezone-hint = For the team's calendar, e.g. Europe/Paris
staff-application-days-ahead = Over the next (days)
staff-application-cutoff = The candidate may move or cancel until (hours before)
staff-application-offer-submit = Send the times
staff-application-move = Move
staff-application-to = To
staff-application-move-reason = Why (kept in the history)
staff-application-move-email = If rejecting: send the kind rejection email now
staff-application-move-email-reason = Reason to include in that email (optional)
staff-application-move-notify = If rejecting or hiring: their upcoming interviews are cancelled; tell the candidate too
staff-application-history = History
staff-application-by = by { $actor }
staff-application-erase = Erase this candidate
staff-application-erase-intro = When the candidate asks you by email or letter. Their application, answers, CV, interviews and scorecards are deleted at once; the history keeps only that an application was erased, and by whom.
staff-application-erase-confirm = The candidate asked to be erased. This cannot be undone.
staff-application-erase-submit = Erase their data

# pages/admin/applications.hbs
staff-applications-title-job = Applications: { $title }
staff-applications-insight = Insight
staff-applications-export = Export CSV
staff-applications-import = Import CSV
staff-applications-edit-job = Edit the job
staff-applications-title-all = Applications: all jobs
staff-applications-title-yours = Applications: your jobs
staff-applications-stages = Stages
staff-applications-search = Search applications
staff-applications-q = Name or email
staff-applications-sort = Sort
staff-applications-show = Show
staff-applications-reached = Showing applications that reached { $label } or further.
staff-applications-show-all = Show all
staff-applications-source = Showing applications from the source “{ $source }”.
staff-applications-total = { $count ->
        [one] { $count } application
       *[other] { $count } applications
    }
staff-applications-candidate = Candidate
staff-applications-job = Job
staff-applications-stage = Stage
staff-applications-screen = Screen
staff-applications-writing = Writing
staff-applications-languages = Languages
staff-applications-applied = Applied
staff-applications-not-measured = Not measured
staff-applications-pages = Pages
staff-applications-first = First page
staff-applications-prev = Previous page
staff-applications-next = Next page
staff-applications-last = Last page
staff-applications-empty = No application matches. When candidates apply, they appear here with their screen results.

# pages/admin/availability.hbs
staff-availability-timezone-hint = e.g. Europe/Paris, America/New_York
staff-availability-title = Your availability
staff-availability-intro = The weekly hours you can interview, in your own time zone. When the team offers a candidate times to choose from, only times inside every chosen interviewer's hours, and clear of their other interviews, are offered.
staff-availability-hours = Your hours
staff-availability-day = Day
staff-availability-from = From
staff-availability-to = To
staff-availability-timezone = Time zone
staff-availability-remove = Remove
staff-availability-empty = No hours yet: candidates cannot be offered times with you.
staff-availability-add = Add hours
staff-availability-from-hint = Local time, e.g. 09:30.
staff-availability-to-hint = The last interview ends by then.
staff-availability-submit = Add these hours

# pages/admin/board.hbs
staff-board-title = Board: { $title }
staff-board-table = Table
staff-board-search = Search the board
staff-board-q = Name or email
staff-board-search-button = Search
staff-board-select = Select { $name }
staff-board-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    } in stage
staff-board-more-html = More in the <a href="/admin/jobs/{ $job }/applications?stage={ $stage }">table</a>.
staff-board-first-200 = Showing the first 200.
staff-board-move = Move the selected candidates
staff-board-to = To
staff-board-reason = Reason (kept in each history; required to reject)
staff-board-send-email = When rejecting, send each the kind rejection email (with the reason)
staff-board-notify = When rejecting or hiring, tell each candidate their upcoming interviews are cancelled
staff-board-submit = Move the selected

# pages/admin/bulk_result.hbs
staff-bulk-result-title = Some moves were refused
staff-bulk-result-moved = { $count ->
        [one] { $count } application
       *[other] { $count } applications
    } moved. These stayed where they were:
staff-bulk-result-back = Back to the board

# pages/admin/company.hbs
staff-company-back = ← Team
staff-company-title = Company
staff-company-saved = Saved. New emails use these details.
staff-company-name = Company name
staff-company-name-hint = On the job board, the pages candidates see and every email.
staff-company-url = Company website (optional)
staff-company-reply-to = Reply address for candidates (optional)
staff-company-reply-to-hint = Candidates' emails carry it as Reply-To, so an answer reaches a person; the emails invite them to reply only when it is set. Use an inbox your team reads, like jobs@yourcompany.com.

# pages/admin/decision.hbs
staff-decision-why = Why
staff-decision-title = Decision: { $name }
staff-decision-rule = rule: { $rule }
staff-decision-panel = panel:
staff-decision-nobody = nobody yet
staff-decision-blind = Submit your own scorecard to see the others' ({ $hidden_count } waiting). Scoring blind keeps each view independent.
staff-decision-scorecards = Scorecards
staff-decision-attribute = Attribute
staff-decision-version = (v{ $version })
staff-decision-recommendation = Recommendation
staff-decision-no-scorecard = No scorecard to show yet.
staff-decision-superseded = Earlier versions ({ $count }), kept as submitted
staff-decision-superseded-item = { $author }, version { $version } ({ $at }): { $recommendation } — superseded
staff-decision-votes = Votes
staff-decision-votes-hidden = { $voted } of { $panel } voted. The votes and their reasons show once you have voted: voting blind keeps each view independent.
staff-decision-without-scorecard = (voted without a scorecard of their own)
staff-decision-confirm = You have no scorecard for { $name }: you did not record an interview with them. Vote anyway? Your vote will say so.
staff-decision-confirm-box = Yes, I vote without having interviewed { $name }
staff-decision-no-own-scorecard = You have not submitted a scorecard for this candidate: you will be asked to confirm.
staff-decision-your-vote = Your vote (final)
staff-decision-yes = Yes, hire
staff-decision-no = No
staff-decision-submit = Vote
staff-decision-offer = Offer
staff-decision-offer-made = Made on { $made_on }: { $terms }
staff-decision-offer-answer = The candidate's answer
staff-decision-accepted = Accepted
staff-decision-declined = Declined
staff-decision-close-job = If accepted, close the job as filled (next: what happens to the other candidates)
staff-decision-record = Record the answer
staff-decision-terms = Terms (role, pay, start date)
staff-decision-send-offer = Send the offer
staff-decision-offer-was = The offer was { $answer }.
staff-decision-tell = Tell the candidate
staff-decision-rejection-sent = The kind rejection email was sent on { $at } by { $by }. It goes only once.
staff-decision-nothing-sent = Nothing has been sent. Send the kind rejection email when you are ready (the text is the job's, editable).
staff-decision-rejection-reason = A reason to include (optional)
staff-decision-send-rejection = Send the rejection email

# pages/admin/form_errors.hbs
staff-form-errors-back = Go back and correct it

# pages/admin/home.hbs
staff-home-title = Your work
staff-home-reviews = Answers to review
staff-home-left = ({ $left } of { $total } answers left)
staff-home-votes = Votes you owe
staff-home-none = None.
staff-home-scorecards = Scorecards you owe
staff-home-none-thanks = None. Thank you!
staff-home-upcoming = Upcoming interviews
staff-home-nothing-scheduled = Nothing scheduled.
staff-home-panels = Your hiring panels
staff-home-no-candidate = No candidate past the screen yet.
staff-home-no-panel-owner = You are on no hiring panel yet: put yourself on one in a job's settings to interview and vote.
staff-home-all-jobs = All jobs
staff-home-no-panel = Welcome, { $name }. When the owner puts you on a job's hiring panel, its candidates, your interviews and the scorecards you owe appear here.

# pages/admin/insight.hbs
staff-insight-title-all = Insight: all jobs
staff-insight-title-yours = Insight: all your jobs
staff-insight-title-job = Insight: { $title }
staff-insight-all-jobs = All jobs
staff-insight-applications = Applications
staff-insight-export = Export CSV
staff-insight-computing = The figures are being computed for the first time. Reload this page in a minute.
staff-insight-fresh = Figures as of { $fresh } ({ $count ->
        [one] { $count } application
       *[other] { $count } applications
    }). They are recomputed when applications change, and every { $minutes } minutes for scorecards.
staff-insight-no-data = No data yet
staff-insight-no-one = No one has applied yet. When candidates apply, the funnel, the time in each stage, pass rates and the questions' analysis appear here.
staff-insight-jobs = Jobs
staff-insight-job = Job
staff-insight-hired = Hired
staff-insight-funnel = Funnel
staff-insight-funnel-intro = How many applications got at least as far as each stage, and the share of the previous stage that moved on.
staff-insight-funnel-caption = Applications per stage reached (numbers in the table).
staff-insight-stage = Stage
staff-insight-reached = Reached
staff-insight-conversion = From the stage before
staff-insight-time = Time in each stage
staff-insight-time-intro-html = Finished stays only: median <span class="legend-swatch legend-swatch--a"></span> and 90th percentile <span class="legend-swatch legend-swatch--b"></span>.
staff-insight-time-to-hire = Time to hire:
staff-insight-time-to-hire-figures = median { $median }, 90th percentile { $p90 } ({ $n } hired)
staff-insight-no-hire = no one hired yet
staff-insight-time-caption = Days per stage (numbers in the table).
staff-insight-stays = Stays
staff-insight-median = Median
staff-insight-p90 = 90th percentile
staff-insight-no-stay = no finished stay yet
staff-insight-time-empty = No data yet: no application has moved on from a stage.
staff-insight-tiers = Screen pass rate per tier
staff-insight-tiers-caption = Share of submitted rounds above the pass mark, per tier.
staff-insight-tier-col = Tier
staff-insight-rounds = Rounds
staff-insight-passed = Passed
staff-insight-failed = Not passed
staff-insight-rate = Rate
staff-insight-tier = Tier { $tier }
staff-insight-tiers-empty = No data yet: no screening round has been submitted.
staff-insight-sources = Where candidates come from
staff-insight-sources-intro-html = From the <code>ref</code> or <code>utm_source</code> of the job link they followed, for example <code>/jobs/your-job?ref=newsletter</code>.
staff-insight-sources-caption = Applications per source (numbers in the table).
staff-insight-source = Source
staff-insight-applied = Applied
staff-insight-screen-passed = Screen passed
staff-insight-items = Screening questions
staff-insight-items-intro = Mean score of each question, how well it separates strong from weak candidates (its correlation with the rest of the screen), and the key points no answer covered.
staff-insight-items-caption = Mean score per question (numbers in the table).
staff-insight-question = Question
staff-insight-answers = Answers
staff-insight-mean = Mean
staff-insight-separates = Separates
staff-insight-uncovered = Key points nobody covers
staff-insight-item = Q{ $number } · tier { $tier }
staff-insight-none = none
staff-insight-items-empty = No data yet: no answer has been scored.
staff-insight-calibration = Screen versus interviews
staff-insight-cal-for = For
staff-insight-cal-decided = decided candidates
staff-insight-cal-hired = hired
staff-insight-cal-rejected = rejected
staff-insight-cal-intro = the screen's empathy and curiosity grades against the interviewers' ratings on their scorecards. Spearman's rank correlation with its 95% interval; filled dots were hired, hollow ones rejected.
staff-insight-empathy-label = Empathy: screen against interviews. { $text }
staff-insight-empathy-caption = Empathy: { $text }
staff-insight-curiosity-label = Curiosity: screen against interviews. { $text }
staff-insight-curiosity-caption = Curiosity: { $text }
staff-insight-cal-empty = No data yet: no hired or rejected candidate has both a scored screen and a scorecard. The correlation needs { $needed }.

# pages/admin/interview.hbs
staff-interview-passed = passed
staff-interview-below = below the pass mark
staff-interview-answer-percent = ({ $percent }%)
staff-interview-cancelled = This interview was cancelled.
staff-interview-with = with { $interviewers }
staff-interview-look-for = What to look for
staff-interview-scorecard = Your scorecard
staff-interview-amending = (amending version { $my_versions })
staff-interview-scorecard-hint = Rate on a four-point scale. You will see the others' scorecards once yours is in.
staff-interview-notes = Notes
staff-interview-recommendation = Overall recommendation
staff-interview-overall-notes = Overall notes
staff-interview-submit = Submit the scorecard
staff-interview-screen = Screen results
staff-interview-tier = Tier { $tiers }: { $percent }%
staff-interview-no-screen = No screen.
staff-interview-read-answers = Read the answers and their evidence
staff-interview-defend = — ask the candidate to defend them.
staff-interview-answers = Their screening answers
staff-interview-move-or-cancel = Move or cancel
staff-interview-date = Date
staff-interview-time = Time
staff-interview-timezone = Time zone
staff-interview-minutes = Minutes
staff-interview-location = Place or video link
staff-interview-move = Move the interview

# pages/admin/interview_cancel.hbs
staff-interview-cancel-submit = Cancel the interview
staff-interview-cancel-back = ← { $kind }: { $name }
staff-interview-cancel-title = Cancel the interview?
staff-interview-cancel-text = The { $kind } interview with { $name } ({ $title }), { $when }, will be cancelled. This cannot be undone: to meet later, schedule a new one.
staff-interview-cancel-interviewers = The interviewers get the calendar cancellation.
staff-interview-cancel-notify = Tell { $name } too
staff-interview-cancel-notify-ended = (their application has ended, so the email will not promise anything more)
staff-interview-cancel-keep = Keep it

# pages/admin/job_close.hbs
staff-job-close-title = Close “{ $title }”
staff-job-close-reason = Why it closes
staff-job-close-filled = Filled
staff-job-close-cancelled = Cancelled
staff-job-close-remaining = { $count ->
        [one] { $count } candidate is
       *[other] { $count } candidates are
    } still in progress
staff-job-close-reject = Reject them now (their history says the job closed)
staff-job-close-send-email = Send each the kind rejection email
staff-job-close-rejection-reason = The reason they read in that email
staff-job-close-notify-interviews = Their upcoming interviews are cancelled: tell the candidates too (interviewers are always told)
staff-job-close-preview = Preview of the email to { $to }
staff-job-close-nobody = Nobody is in progress for this job.
staff-job-close-submit = Close the job
staff-job-close-keep = Keep it open

# pages/admin/job_editor.hbs
staff-job-editor-title-new = New job
staff-job-editor-publish = Publish
staff-job-editor-reopen = Reopen
staff-job-editor-role = The role
staff-job-editor-field-title = Title
staff-job-editor-field-title-hint = Say what the job is: “Customer Support Specialist”, not “Support Superstar”.
staff-job-editor-workplace = Workplace
staff-job-editor-employment = Employment
staff-job-editor-location = Office location (for hybrid and on-site jobs)
staff-job-editor-location-hint = City and country, e.g. Lyon, France.
staff-job-editor-remote = Where remote candidates may live
staff-job-editor-remote-hint = Countries or regions, separated by commas, e.g. Europe, Africa.
staff-job-editor-timezone-note = Hours and time-zone expectations
staff-job-editor-timezone-note-hint = e.g. Overlap 10:00–16:00 CET.
staff-job-editor-salary = Salary (optional, encouraged)
staff-job-editor-salary-min = From
staff-job-editor-salary-max = To
staff-job-editor-currency = Currency
staff-job-editor-currency-placeholder = EUR
staff-job-editor-period = Per
staff-job-editor-languages = Support languages and the fluency each needs
staff-job-editor-fluency = Fluency
staff-job-editor-channels = Channels
staff-job-editor-tools = Tools and platforms
staff-job-editor-tools-hint = Separated by commas: help desk, chat, the platforms your customers use.
staff-job-editor-tier-mix = Ticket mix (percent of tickets, adding up to 100)
staff-job-editor-tier-mix-hint = Tier 1: licensing, billing, feature questions. Tier 2: needs troubleshooting, rudimentary code or a call. Tier 3: digging into code to fix bugs or ship updates.
staff-job-editor-tier1 = Tier 1 · simple
staff-job-editor-tier2 = Tier 2 · troubleshooting
staff-job-editor-tier3 = Tier 3 · code
staff-job-editor-description = The job description (Markdown)
staff-job-editor-typical-day = A typical day
staff-job-editor-technical = The technical side
staff-job-editor-technical-hint = Troubleshooting, actual coding, or none.
staff-job-editor-looking-for = Who we are looking for
staff-job-editor-looking-for-hint = The few things that really matter. Long lists discourage good people.
staff-job-editor-culture = About us
staff-job-editor-culture-hint = Values, culture, room to grow.
staff-job-editor-how-to-apply = How to apply
staff-job-editor-how-to-apply-hint = The next steps: the form, the screening questions, when they will hear back.
staff-job-editor-screening-decision = Screening and decision
staff-job-editor-pass-mark = Pass mark (%)
staff-job-editor-pass-mark-hint = A screen passes above this share. 50 means more than half.
staff-job-editor-valid-through = Applications close on (optional)
staff-job-editor-valid-through-hint = Default: 60 days after publishing.
staff-job-editor-decision-rule = Decision rule
staff-job-editor-save-draft = Save draft
staff-job-editor-recommended = Recommended profile: { $profile }
staff-job-editor-mix-label = Ticket mix: tier 1 { $tier1 }%, tier 2 { $tier2 }%, tier 3 { $tier3 }%
staff-job-editor-mix = Tier 1 { $tier1 }% · tier 2 { $tier2 }% · tier 3 { $tier3 }%
staff-job-editor-tiers = Candidates get the screening questions of { $count ->
        [one] tier
       *[other] tiers
    }
staff-job-editor-advice = Job-post review
staff-job-editor-advice-intro = Advice, not rules: you can publish anyway.
staff-job-editor-advice-new = Save the draft to see advice on the post.
staff-job-editor-advice-none = No advice: the post covers what good candidates look for.
staff-job-editor-address = Address
staff-job-editor-address-follows = Until you publish, the address follows the title.
staff-job-editor-slug = Address of the job's page
staff-job-editor-slug-suggested = The title suggests “{ $suggested }”.
staff-job-editor-slug-hint = Links to the old address keep working: they lead to the new one.
staff-job-editor-slug-submit = Change the address
staff-job-editor-former = Former addresses, which lead here:
staff-job-editor-screening = Screening questions
staff-job-editor-screening-intro = The ticket mix screens tiers { $tiers }. Candidates get the first chosen questionnaire in one of their languages.
staff-job-editor-questionnaires = Questionnaires
staff-job-editor-questionnaires-intro-html = The shipped ones and your team's own: <a href="/admin/questionnaires">write or edit questionnaires</a>.
staff-job-editor-questionnaire-version = { $language }, v{ $version };
staff-job-editor-no-tier-questions = no questions in the screened tiers
staff-job-editor-no-questionnaires-html = No questionnaires yet: <a href="/admin/questionnaires">write one</a>.
staff-job-editor-all-tiers = All tiers at once (otherwise the next tier is sent only when the previous one passed)
staff-job-editor-auto-decide = Decline automatically, with a kind email, when the screen is below the pass mark
staff-job-editor-answer-days = Days to answer
staff-job-editor-writing-weight = Spelling weight in the screen score (%)
staff-job-editor-writing-weight-hint = 0 shows spelling to reviewers without counting it. Up to 30%: the screen score becomes the answers' score weighted by the rest, plus spelling.
staff-job-editor-screening-submit = Save screening settings
staff-job-editor-pipeline = Hiring panel and stages
staff-job-editor-open-board = Open the board
staff-job-editor-emails = Candidate emails
staff-job-editor-panel = Panel: who interviews, scores and votes
staff-job-editor-skipped = Stages this job skips
staff-job-editor-pipeline-submit = Save panel and stages
staff-job-editor-review = Review mode
staff-job-editor-review-intro = Chosen reviewers grade every screening answer blind, one question at a time, in an order of their own; the automatic score counts as one more reviewer.
staff-job-editor-review-answers = Review answers
staff-job-editor-agreement = Agreement
staff-job-editor-review-enabled = Review the answers in review mode
staff-job-editor-reviewers = Reviewers
staff-job-editor-reviews-needed = Reviews per answer
staff-job-editor-auto-weight = The automatic score counts as this many reviewers
staff-job-editor-auto-weight-hint = 0: once an answer has a review, only people's grades count.
staff-job-editor-review-submit = Save review mode
staff-job-editor-retention = Candidates' data
staff-job-editor-erased-on-html = This job is closed: its candidates' personal data is erased on <strong>{ $erased_on }</strong>.
staff-job-editor-retention-months = Months to keep it after the job closes
staff-job-editor-retention-hint = Candidates are told this when they apply. Then their application, answers, CV, interviews and scorecards are erased automatically; the counts stay.
staff-job-editor-close = Close this job
staff-job-editor-close-why = Why

# pages/admin/job_import.hbs
staff-job-import-back = ← Applications: { $title }
staff-job-import-see-applications = See the applications
staff-job-import-title = Import candidates
staff-job-import-file-problems = The file cannot be imported
staff-job-import-imported = Imported { $added } candidates
staff-job-import-already = { $already } were already there for this job and were left as they are
staff-job-import-refused = Nothing was imported: { $bad } lines have problems
staff-job-import-refused-hint = Fix them in the file, or tick “Import the good lines anyway”.
staff-job-import-checked = Checked: { $lines } lines, { $ready } ready, { $bad } with problems. Nothing was stored.
staff-job-import-holds = What the file holds
staff-job-import-problems = Problems, by line
staff-job-import-line = Line
staff-job-import-field = Field
staff-job-import-problem = Problem
staff-job-import-intro = A CSV file from your previous tool, with headers on the first line (at most { $max_mb } MB). Columns named name, email, languages (“en:native; fr”), location, timezone, cover_letter, portfolio_url and source are found by themselves. Imported candidates start at “Applied” and get no email; anyone already there for this job (same email) is left as is, so importing the same file twice adds no one twice.
staff-job-import-file = CSV file
staff-job-import-mapping = Other column names (optional)
staff-job-import-mapping-hint-html = One per line, as field=Header, for example <code>email=E-mail address</code>.
staff-job-import-skip-invalid = Import the good lines anyway when some have problems
staff-job-import-check = Check the file
staff-job-import-submit = Import

# pages/admin/job_publish_confirm.hbs
staff-job-publish-confirm-title = Publish “{ $title }” with open advice?
staff-job-publish-confirm-text = The review has { $count ->
        [one] { $count } piece
       *[other] { $count } pieces
    } of advice on this post. You can publish anyway, or go back and improve it first.
staff-job-publish-confirm-submit = Publish anyway
staff-job-publish-confirm-back = Back to the editor

# pages/admin/jobs.hbs
staff-jobs-open = Open
staff-jobs-draft = Draft
staff-jobs-closed = Closed
staff-jobs-preview = Preview
staff-jobs-public = Public page
staff-jobs-title = Jobs
staff-jobs-new = Write a new job
staff-jobs-col-title = Title
staff-jobs-status = Status
staff-jobs-profile = Profile
staff-jobs-published = Published
staff-jobs-updated = Last change
staff-jobs-board = Board
staff-jobs-applications = Applications
staff-jobs-empty = No jobs yet. Start with the ticket mix: the share of simple, troubleshooting and code-level tickets decides who to hire and which screening questions candidates get.
staff-jobs-first = Write your first job

# pages/admin/kits.hbs
staff-kits-title = Interview kits
staff-kits-intro = What interviewers read for each kind of interview, with the scorecard at its foot. Edit them to fit your team.
staff-kits-edited = edited
staff-kits-field-title = Title
staff-kits-field-intro = How to run it
staff-kits-field-questions = Questions, one per line
staff-kits-save = Save this kit

# pages/admin/layout/header.hbs
staff-layout-brand = Rapport
staff-layout-nav = Staff
staff-layout-home = Your work
staff-layout-jobs = Jobs
staff-layout-team = Team
staff-layout-questionnaires = Questionnaires
staff-layout-kits = Interview kits
staff-layout-webhooks = Webhooks
staff-layout-insight = Insight
staff-layout-availability = Availability
staff-layout-tokens = API tokens
staff-layout-job-board = Job board
staff-layout-sign-out = Sign out ({ $name })

# pages/admin/layout/title_suffix.hbs
staff-layout-title-suffix = · Rapport

# pages/admin/questionnaire_editor.hbs
staff-questionnaire-editor-why = Why: { $count ->
        [one] { $count } piece
       *[other] { $count } pieces
    } of evidence
staff-questionnaire-editor-problems = Please fix { $count ->
        [one] this problem
       *[other] these { $count } problems
    }
staff-questionnaire-editor-title-new = New questionnaire
staff-questionnaire-editor-title-edit = Edit questionnaire
staff-questionnaire-editor-import = Import a new version
staff-questionnaire-editor-nothing-saved = Nothing was saved yet; everything you typed is still here.
staff-questionnaire-editor-warnings = { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
staff-questionnaire-editor-warnings-hint-html = (you can save anyway; <code>rapport questionnaire check</code> reports the same):
staff-questionnaire-editor-about = About this questionnaire
staff-questionnaire-editor-field-title = Title
staff-questionnaire-editor-field-title-hint = Candidates read it above the questions.
staff-questionnaire-editor-language = Language candidates answer in
staff-questionnaire-editor-description = Description (Markdown)
staff-questionnaire-editor-description-hint = What the questions are about and how long they take.
staff-questionnaire-editor-links = Knowledge links for candidates
staff-questionnaire-editor-link-label = Link label
staff-questionnaire-editor-link-url = Address
staff-questionnaire-editor-remove-link = Remove this link
staff-questionnaire-editor-add-link = Add a link
staff-questionnaire-editor-question = Question { $number }
staff-questionnaire-editor-tier = Tier
staff-questionnaire-editor-tier-1 = 1 — simple
staff-questionnaire-editor-tier-2 = 2 — troubleshooting
staff-questionnaire-editor-tier-3 = 3 — technical
staff-questionnaire-editor-minutes = Suggested minutes (optional)
staff-questionnaire-editor-prompt = Prompt: the customer's message
staff-questionnaire-editor-question-links = Links for this question
staff-questionnaire-editor-weights = Weights (optional)
staff-questionnaire-editor-weights-hint = How much empathy, curiosity and key points count in this answer's score, e.g. 0.3, 0.2, 0.5. Leave all three empty for the defaults.
staff-questionnaire-editor-empathy = Empathy
staff-questionnaire-editor-curiosity = Curiosity
staff-questionnaire-editor-key-points = Key points
staff-questionnaire-editor-points = Key points: what a good answer says
staff-questionnaire-editor-points-hint = One plain sentence each, with the facts that matter (“Says an unused label can be voided for a refund within 30 days”). Rapport recognises it in the candidate's own words.
staff-questionnaire-editor-point = Key point
staff-questionnaire-editor-point-required = Required (missing it caps the answer's score)
staff-questionnaire-editor-examples = Example sentences (optional, one per line)
staff-questionnaire-editor-patterns-summary = Patterns (optional, for exact control)
staff-questionnaire-editor-patterns = Patterns, one per line
staff-questionnaire-editor-vague = Too vague to check
staff-questionnaire-editor-strong-all = ✓ Strong exemplars cover it
staff-questionnaire-editor-strong-not-all = ✗ Not every strong exemplar covers it
staff-questionnaire-editor-strong-n = strong #{ $n }
staff-questionnaire-editor-covers = covers
staff-questionnaire-editor-misses = misses
staff-questionnaire-editor-weak-none = ✓ Weak exemplars miss it
staff-questionnaire-editor-weak-some = ✗ A weak exemplar covers it
staff-questionnaire-editor-weak-n = weak #{ $n }
staff-questionnaire-editor-remove = Remove
staff-questionnaire-editor-remove-point = key point { $label }
staff-questionnaire-editor-add-point = Add a key point
staff-questionnaire-editor-exemplars = Exemplar answers (optional)
staff-questionnaire-editor-strong = Strong answers (separate answers with a blank line)
staff-questionnaire-editor-weak = Weak answers (separate answers with a blank line)
staff-questionnaire-editor-try = Try an answer
staff-questionnaire-editor-try-field = Paste an answer: it is scored against this question as it stands in the form, and not saved
staff-questionnaire-editor-try-submit = Try this answer
staff-questionnaire-editor-try-empty = Paste an answer first.
staff-questionnaire-editor-score = Score { $percent }%
staff-questionnaire-editor-tried-empathy = empathy { $empathy }/2
staff-questionnaire-editor-tried-curiosity = curiosity { $curiosity }/2
staff-questionnaire-editor-tried-content = key points { $content }%
staff-questionnaire-editor-capped = capped: a required key point is missed
staff-questionnaire-editor-covered = Covered:
staff-questionnaire-editor-covered-chip = ✓ covered
staff-questionnaire-editor-matched = matched
staff-questionnaire-editor-missed = Missed:
staff-questionnaire-editor-missed-chip = ✗ missed
staff-questionnaire-editor-required = (required)
staff-questionnaire-editor-tone = Tone:
staff-questionnaire-editor-try-not-saved = Only a try: nothing was saved.
staff-questionnaire-editor-remove-question = Remove question { $number }
staff-questionnaire-editor-add-question = Add a question
staff-questionnaire-editor-save-version = Save as a new version
staff-questionnaire-editor-versions = Versions
staff-questionnaire-editor-by = By
staff-questionnaire-editor-latest = latest
staff-questionnaire-editor-start-from = Start from this version

# pages/admin/questionnaire_import.hbs
staff-questionnaire-import-back = ← Questionnaires
staff-questionnaire-import-title = Import a questionnaire
staff-questionnaire-import-problems = Nothing was imported: { $count ->
        [one] one problem
       *[other] { $count } problems
    }
staff-questionnaire-import-format-html = The same TOML format as the files in <code>questionnaires/</code> and as an export. It is checked as <code>rapport questionnaire check</code> checks a file.
staff-questionnaire-import-file = TOML file
staff-questionnaire-import-source = Or paste the TOML
staff-questionnaire-import-target = Save as
staff-questionnaire-import-target-new = A new questionnaire
staff-questionnaire-import-target-version = A new version of “{ $title }”
staff-questionnaire-import-submit = Import

# pages/admin/questionnaires.hbs
staff-questionnaires-export = Export TOML
staff-questionnaires-version = Version
staff-questionnaires-saved = Saved
staff-questionnaires-version-number = v{ $version }
staff-questionnaires-title = Questionnaires
staff-questionnaires-new = Write a new questionnaire
staff-questionnaires-import = Import TOML
staff-questionnaires-intro = The screening questions candidates answer. Choose them for a job in its screening settings. Every save is a new version; candidates keep the version they were sent.
staff-questionnaires-own = Written by your team
staff-questionnaires-col-title = Title
staff-questionnaires-language = Language
staff-questionnaires-questions = Questions
staff-questionnaires-by = by { $by }
staff-questionnaires-edit = Edit
staff-questionnaires-none = None yet. Start from scratch, or from one of the questionnaires below and change it for your product.
staff-questionnaires-shipped = Shipped with Rapport
staff-questionnaires-shipped-intro = Read-only defaults: start from one to make it yours.
staff-questionnaires-read-only = Read-only
staff-questionnaires-start-from = Start from this
staff-questionnaires-no-files = No questionnaire files were found.

# pages/admin/review/agreement.hbs
staff-review-agreement-interval = (95% CI { $interval })
staff-review-agreement-title = Agreement: { $title }
staff-review-agreement-intro = Kappa is quadratic-weighted Cohen's kappa (two raters), alpha Krippendorff's alpha (more than two): 1 is perfect agreement, 0 what chance alone gives. A figure needs at least { $min_units } answers graded by both sides; intervals are 95% bootstrap intervals.
staff-review-agreement-no-reviews = No reviews yet: the figures appear as reviewers grade answers.
staff-review-agreement-per-question = Per question
staff-review-agreement-question = Question { $number }
staff-review-agreement-reviewed = { $reviewed } of { $answers } answers reviewed
staff-review-agreement-between = Between
staff-review-agreement-empathy = Empathy
staff-review-agreement-curiosity = Curiosity
staff-review-agreement-reviewers = Reviewers
staff-review-agreement-vs-scorer-html = { $name } and the scorer <span class="muted">(kappa)</span>
staff-review-agreement-no-answers = No submitted answers yet.
staff-review-agreement-per-reviewer = Per reviewer, all questions
staff-review-agreement-leniency-intro = Leniency is the mean difference between a reviewer's grade and the others' (the scorer included) on the same answers: positive grades higher, negative lower.
staff-review-agreement-reviewer = Reviewer
staff-review-agreement-reviews = Reviews
staff-review-agreement-kappa-empathy = Kappa with the scorer: empathy
staff-review-agreement-curiosity-lower = curiosity
staff-review-agreement-leniency-empathy = Leniency: empathy
staff-review-agreement-no-reviewers = No reviewers chosen yet.
staff-review-agreement-disagreements = Where people and the scorer disagree most
staff-review-agreement-gap = gap { $gap } grade steps (empathy + curiosity)
staff-review-agreement-spread = reviewers { $spread } apart
staff-review-agreement-scorer = Scorer: empathy { $empathy }, curiosity { $curiosity } ({ $percent }%)
staff-review-agreement-no-evidence = no evidence found
staff-review-agreement-person = { $name }: empathy { $empathy }, curiosity { $curiosity }
staff-review-agreement-no-disagreement = No disagreement between people and the scorer yet.

# pages/admin/review/overview.hbs
staff-review-overview-title = Review answers: { $title }
staff-review-overview-intro = One question at a time, every candidate's answer in an order of your own, without names. Each answer needs { $needed } reviews.
staff-review-overview-agreement-link = How far reviewers agree
staff-review-overview-continue = Continue reviewing
staff-review-overview-all-done = You have reviewed every answer so far.
staff-review-overview-question = Question
staff-review-overview-you = You
staff-review-overview-fully-reviewed = Fully reviewed
staff-review-overview-question-number = Question { $number }
staff-review-overview-of = { $done } of { $total }
staff-review-overview-empty = No submitted answers yet: they appear here as candidates submit their screening.

# pages/admin/review/question.hbs
staff-review-question-none = none
staff-review-question-empathy = Empathy
staff-review-question-curiosity = Curiosity
staff-review-question-covered = Key points covered
staff-review-question-required = (required)
staff-review-question-note = Note (optional)
staff-review-question-back = ← All questions
staff-review-question-title = Question { $number } of { $question_count }
staff-review-question-tier = tier { $tier }
staff-review-question-question-of = question { $number } of { $question_count }
staff-review-question-progress = { $graded } of { $total } answers
staff-review-question-prompt = The question
staff-review-question-guide = Grading guide (the scorer uses the same)
staff-review-question-calibrate = First, calibrate
staff-review-question-calibrate-intro = Grade these exemplar answers as you would a candidate's. You will then see the grades agreed for them; your reviews of this question count from then on.
staff-review-question-exemplar-number = Exemplar { $number }
staff-review-question-choose = Choose
staff-review-question-calibrate-submit = Compare with the agreed grades
staff-review-question-calibration = Your calibration: { $summary }
staff-review-question-exemplar = Exemplar
staff-review-question-you = You
staff-review-question-agreed = Agreed
staff-review-question-grades = empathy { $empathy }, curiosity { $curiosity }; key points:
staff-review-question-answer-of = Answer { $number } of { $total }
staff-review-question-save-first = Save and see the automatic score
staff-review-question-all-graded = You have graded every answer to this question.
staff-review-question-next-question = Next question
staff-review-question-agreement = See how reviewers agree
staff-review-question-graded = Answers you graded
staff-review-question-others-later = The other reviewers' grades show once you have graded every answer to this question.
staff-review-question-grades-sentence = Empathy { $empathy }, curiosity { $curiosity }. Key points:
staff-review-question-auto = Automatic score: { $percent }%
staff-review-question-missed = missed:
staff-review-question-evidence = Evidence ({ $count })
staff-review-question-others = Other reviewers
staff-review-question-other-grades = { $author }: empathy { $empathy }, curiosity { $curiosity }; key points:
staff-review-question-change = Change your grades
staff-review-question-save-changes = Save changes

# pages/admin/team.hbs
staff-team-title = Team
staff-team-company-link = Company name, website and reply address
staff-team-invited = Invitation sent to { $invited }. The link works for a week.
staff-team-people = People
staff-team-name = Name
staff-team-role = Role
staff-team-waiting = Waiting for an answer
staff-team-expires = Expires
staff-team-revoke = Revoke
staff-team-invite = Invite someone
staff-team-invite-intro = Interviewers read candidates' files, run interviews and record scorecards. Owners can do everything.
staff-team-role-interviewer = Interviewer
staff-team-role-owner = Owner
staff-team-submit = Send the invitation

# pages/admin/tokens.hbs
staff-tokens-title = API tokens
staff-tokens-api-docs = API reference
staff-tokens-created = Your new token “{ $name }”. Copy it now: it is shown only this once.
staff-tokens-bearer-html = Send it as <code>Authorization: Bearer …</code>.
staff-tokens-revoked = The token is revoked: requests with it are refused.
staff-tokens-yours = Your tokens
staff-tokens-name = Name
staff-tokens-scope = Scope
staff-tokens-created-on = Created
staff-tokens-expires = Expires
staff-tokens-last-used = Last used
staff-tokens-never = Never
staff-tokens-revoke = Revoke
staff-tokens-revoked-on = Revoked { $revoked }
staff-tokens-expired = Expired
staff-tokens-empty = You have no tokens yet.
staff-tokens-new = New token
staff-tokens-new-intro = A token acts as you: it sees what you see
staff-tokens-new-intro-panel = (the jobs whose panel you are on)
staff-tokens-new-read-only = A read-only token cannot change anything.
staff-tokens-name-hint = What uses it, like “CI export”.
staff-tokens-read = Read only
staff-tokens-read-write = Read and write
staff-tokens-days = Expires after (days)
staff-tokens-submit = Create the token

# pages/admin/webhook.hbs
staff-webhook-title = Webhook
staff-webhook-all = All webhooks
staff-webhook-secret-created = The webhook is registered. Its signing secret: copy it now, it is shown only this once.
staff-webhook-secret-rotated = The new signing secret (the old one no longer signs anything): copy it now, it is shown only this once.
staff-webhook-check-signature-html = Check each delivery's <code>Rapport-Webhook-Signature</code> with it (see the README).
staff-webhook-tested = A test event is queued: it appears in the log below once sent
staff-webhook-tested-inactive = when the webhook is active again
staff-webhook-settings = Settings
staff-webhook-active-field = Active (paused: nothing is queued, and what waits is sent when it is active again)
staff-webhook-test-and-secret = Test and secret
staff-webhook-test = Send test event
staff-webhook-test-hint-html = Posts a <code>ping</code> event to this URL, signed like every other.
staff-webhook-rotate = Rotate the secret
staff-webhook-rotate-hint = The secret was shown once, when the webhook was registered. A new one replaces it at once, also for deliveries still waiting.
staff-webhook-delete = Delete the webhook
staff-webhook-log = Delivery log
staff-webhook-log-hint-html = Newest first. A delivery that gets no 2xx answer within 10 seconds is tried again after 30 seconds, then twice as long each time (at most an hour), 10 attempts in all, with the same <code>Rapport-Webhook-Id</code>.
staff-webhook-event = Event
staff-webhook-queued = Queued
staff-webhook-status = Status
staff-webhook-attempts = Attempts (newest first)
staff-webhook-delivery-id = Delivery id
staff-webhook-next-try = next try { $next }
staff-webhook-no-answer = no answer
staff-webhook-ms = ({ $ms } ms)
staff-webhook-not-tried = Not tried yet
staff-webhook-newer = Newer
staff-webhook-older = Older
staff-webhook-nothing-sent = Nothing sent yet.

# pages/admin/webhooks.hbs
staff-webhooks-active = Active
staff-webhooks-paused = Paused
staff-webhooks-url = URL
staff-webhooks-events = Events
staff-webhooks-title = Webhooks
staff-webhooks-api-docs = API reference
staff-webhooks-deleted = The webhook is deleted, with its delivery log.
staff-webhooks-endpoints = Endpoints
staff-webhooks-state = State
staff-webhooks-registered = Registered
staff-webhooks-empty = No webhooks yet. A webhook posts what happens in Rapport (a new application, a stage change, a decision…) to another tool: a chat channel, a spreadsheet, an HR system.
staff-webhooks-new = New webhook
staff-webhooks-new-intro = Each event is posted as JSON, signed with the webhook's own secret. Payloads carry ids and codes, never a candidate's name or email: your tool reads more through the API.
staff-webhooks-url-hint = Where events are posted, like https://hooks.example.com/rapport.
staff-webhooks-active-field = Active (a paused webhook gets nothing)
staff-webhooks-submit = Register the webhook

# pages/auth/forgot.hbs
staff-auth-forgot-title = Choose a new password
staff-auth-forgot-sent = If an account exists for that email, we have sent it a link to choose a new password. The link works once, for one hour.
staff-auth-forgot-nothing-arrived = Nothing arrived after a few minutes? Check your spam folder, or ask the owner of this Rapport to invite you again.
staff-auth-back-to-sign-in = Back to sign in
staff-auth-forgot-intro = Enter the email you sign in with. We will send you a link to choose a new password.
staff-auth-forgot-submit = Send me a link

# pages/auth/invitation.hbs
staff-auth-invitation-title = Join the team
staff-auth-invitation-intro-html = You were invited as <strong>{ $role }</strong> with the email <strong>{ $email }</strong>. Choose the name your colleagues see and a password.
staff-auth-your-name = Your name
staff-auth-password-hint = At least 10 characters.
staff-auth-password-again = The same password again
staff-auth-invitation-submit = Create my account

# pages/auth/link_gone.hbs
staff-auth-link-gone-title = This { $what } no longer works
staff-auth-link-gone-sign-in = Go to sign in

# pages/auth/login.hbs
staff-auth-login-title = Sign in
staff-auth-login-signed-out = You are signed out.
staff-auth-login-forgot = Forgot your password?
staff-auth-login-no-account = No account yet? Ask the owner of this Rapport for an invitation.

# pages/auth/reset.hbs
staff-auth-reset-title = Choose a new password
staff-auth-reset-intro-html = For <strong>{ $email }</strong>. Choosing a new password signs you out everywhere else.
staff-auth-reset-new-password = New password
staff-auth-reset-submit = Save my new password

# pages/auth/setup.hbs
staff-auth-setup-title = Welcome to Rapport
staff-auth-setup-intro = Create the owner account. You will write and publish your support jobs and invite your team from there.
staff-auth-setup-company = Your company
staff-auth-setup-company-name = Company name
staff-auth-setup-company-name-hint = Shown on your job board and in emails.
staff-auth-setup-company-url = Company website (optional)
staff-auth-setup-you = You
staff-auth-setup-password-hint = At least 10 characters. A few unrelated words work well.
staff-auth-setup-submit = Create the owner account

# Page titles given from Rust (the others reuse their page's heading)
staff-title-job-edit = Edit job
staff-title-job-publish-confirm = Publish with open advice?
staff-title-job-close = Close: { $title }
staff-title-job-import = Import candidates: { $title }
staff-title-review = Review answers
staff-title-calibrate = Calibrate
staff-title-agreement = Agreement
staff-title-interview = { $kind }: { $name }
staff-title-link-gone = This link no longer works
staff-title-setup = Set up Rapport

# Words decided in code (errors, notices, labels), by where they are decided

# Accounts and passwords
staff-error-password-short = Use at least { $min } characters for the password.
staff-error-password-long = Use at most { $max } characters for the password.

# ---- domain/ and flows/ ----
# domain/decision.rs
staff-vote-yes = Yes, hire
staff-vote-no = No
staff-error-vote-missing = Vote yes or no.
staff-error-vote-reason-missing = Give the reason for your vote: the team reads it on the decision page.
staff-error-vote-reason-long = Keep the reason to { $max } characters or fewer (it has { $count }).
staff-decision-outcome-no-panel = No one is on this job's hiring panel yet: add the people who decide before anyone can vote.
staff-decision-outcome-pending = Waiting for { $missing } more { $missing ->
        [one] vote
       *[other] votes
    } ({ $yes } yes, { $no } no so far).
staff-decision-outcome-approved = The panel approved: make the offer.
staff-decision-outcome-rejected = The panel decided not to hire.
# domain/api_token.rs
staff-token-scope-read = Read only
staff-token-scope-read-write = Read and write
staff-error-token-name = Name the token (at most { $max } characters), like “CI export”.
staff-error-token-scope = Choose read only or read and write.
staff-error-token-days = Give the token between 1 and { $max } days.
# domain/webhook.rs
staff-webhook-event-application-created = An application is created (applied or imported)
staff-webhook-event-application-stage-changed = An application changes stage
staff-webhook-event-screen-scored = A screen is scored (or its score changes after review)
staff-webhook-event-decision-made = The panel's votes decide
staff-webhook-event-candidate-erased = A candidate's data is erased
staff-webhook-event-ping = Test event
staff-error-webhook-url = Enter the full address the events are posted to, starting with https:// (or http://), without a user name or password.
staff-error-webhook-event-unknown = Choose events from the list.
staff-error-webhook-no-event = Choose at least one event.
# domain/scorecard.rs
staff-attribute-empathy = Empathy
staff-attribute-curiosity = Curiosity
staff-attribute-humility = Humility
staff-attribute-dedication = Dedication
staff-attribute-technical-inclination = Technical inclination
staff-attribute-hint-empathy = Patience, empathy and composure are not negotiable: do they hear the person behind the ticket and keep a kind tone, even with a furious customer?
staff-attribute-hint-curiosity = Do they dig for the solution, ask what exactly is wrong, spot patterns in tickets and go above and beyond rather than settle for "passable"?
staff-attribute-hint-humility = Do they own what they don't know, know when to escalate, and tell their experience as it is, without embellishing the CV?
staff-attribute-hint-dedication = Is support their aspiration or a step to something else? We invest in people and look for commitment.
staff-attribute-hint-technical-inclination = Do they troubleshoot, read the docs and the API, (for specialists) open the code, and can they defend their screening answers?
staff-rating-strong-no = Strong no
staff-rating-no = No
staff-rating-yes = Yes
staff-rating-strong-yes = Strong yes
# $about: an attribute's code, or overall (the whole interview)
staff-error-scorecard-rating-missing = Rate { $about ->
        [empathy] empathy
        [curiosity] curiosity
        [humility] humility
        [dedication] dedication
       *[technical_inclination] technical inclination
    }: strong no, no, yes or strong yes.
staff-error-scorecard-rating-invalid = "{ $raw }" is not a rating for { $about ->
        [empathy] empathy
        [curiosity] curiosity
        [humility] humility
        [dedication] dedication
       *[technical_inclination] technical inclination
    }: choose strong no, no, yes or strong yes.
staff-error-scorecard-notes-long = Keep the notes on { $about ->
        [empathy] empathy
        [curiosity] curiosity
        [humility] humility
        [dedication] dedication
        [technical_inclination] technical inclination
       *[overall] the whole interview
    } to { $max } characters or fewer (they have { $count }).
staff-error-scorecard-recommendation-missing = Give your overall recommendation: strong no, no, yes or strong yes.
staff-error-scorecard-recommendation-invalid = "{ $raw }" is not a recommendation: choose strong no, no, yes or strong yes.
# domain/interview.rs
staff-interview-kind-culture = Culture and chemistry
staff-interview-kind-role-play = Role-play: a furious customer
staff-interview-kind-cv-review = CV cross-examination
staff-interview-kind-technical = Technical scenario
staff-interview-kind-final-conversation = Final conversation
staff-error-schedule-date-missing = Choose the date.
staff-error-schedule-date-invalid = "{ $date }" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-02.
staff-error-schedule-time-missing = Choose the time.
staff-error-schedule-time-invalid = "{ $time }" is not a time: write it as HH:MM, e.g. 14:30.
staff-error-schedule-timezone-missing = Choose a time zone.
staff-error-schedule-timezone-invalid = "{ $timezone }" is not a time zone: choose one such as Europe/Paris or America/New_York.
staff-error-schedule-duration = Give the duration in minutes, from { $min } to { $max } (8 hours).
staff-error-schedule-location-missing = Say where the interview takes place: an address or a video link.
staff-error-schedule-location-long = Keep the place to { $max } characters or fewer (it has { $count }).
staff-error-schedule-time-skipped = { $time } does not exist on { $date } in { $timezone }: the clocks go forward then. Choose another time.
# domain/booking.rs
staff-error-window-weekday = Choose a day of the week.
staff-error-window-starts = Give the start as HH:MM, e.g. 09:30.
staff-error-window-ends = Give the end as HH:MM, e.g. 12:00.
staff-error-window-ends-before-start = The end must come after the start, on the same day.
staff-error-booking-timezone = Choose your time zone, e.g. Europe/Paris.
staff-error-offer-duration = Give the length in minutes, from { $min } to { $max }.
staff-error-offer-location = Give the place or the video link (at most { $max } characters).
staff-error-offer-days-ahead = Offer times over 1 to { $max } days.
staff-error-offer-cutoff = Give a number of hours from 0 to { $max }.
# domain/job.rs
staff-job-status-draft = Draft
staff-job-status-open = Open
staff-job-status-closed = Closed
staff-job-close-reason-filled = Filled
staff-job-close-reason-cancelled = Cancelled
staff-job-workplace-remote = Remote
staff-job-workplace-hybrid = Hybrid
staff-job-workplace-onsite = On site
staff-job-decision-rule-unanimous = Unanimous: one doubt and the candidate is out
staff-job-decision-rule-majority = Majority of the hiring panel
staff-job-profile-generalist = Generalist
staff-job-profile-technical-generalist = Generalist with troubleshooting skills
staff-job-profile-support-engineer = Support engineer (support plus coding)
staff-job-profile-why-generalist = Most tickets are simple (licensing, billing, feature questions): a patient generalist with great writing will be productive after about a week of training.
staff-job-profile-why-technical-generalist = A real share of tickets needs troubleshooting or a call: look for a generalist who is at ease with rudimentary code and debugging.
staff-job-profile-why-support-engineer = Half or more of the tickets need the code opened: hire someone with both support and development skills.
staff-error-job-title-long = Use at most { $max } characters for the title.
staff-error-job-location-long = Use at most { $max } characters for the location.
staff-error-job-text-long = Use at most { $max } characters.
staff-error-job-tools-long = Use at most { $max } characters for the tools.
staff-error-job-section-long = Keep this section under { $max } characters.
staff-error-job-invalid = This value is not valid.
staff-error-job-title-missing = Give the job a title.
staff-error-job-title-control = The title cannot contain control characters.
staff-error-job-workplace = Choose remote, hybrid or on site.
staff-error-job-location-missing = Say where the office is (city and country).
staff-error-job-employment-type = Choose the type of employment.
staff-error-job-language-unknown = Choose languages from the list.
staff-error-job-fluency = Choose the fluency needed for each language.
staff-error-job-language-twice = Each language appears only once.
staff-error-job-no-language = Add at least one support language and the fluency it needs.
staff-error-job-channel-unknown = Choose channels from the list.
staff-error-job-tier-total = The three shares must add up to 100% (they add up to { $total }%).
staff-error-job-tier-share = Give each tier's share of tickets as a whole percentage (0–100).
staff-error-job-pass-mark = The pass mark is a percentage between 1 and 99.
staff-error-job-decision-rule = Choose unanimous or majority.
staff-error-job-valid-through = Enter the date as YYYY-MM-DD, for example 2027-01-31.
staff-error-job-salary-period = Choose whether the salary is per year, per month or per hour.
staff-error-job-salary-amount = Enter a whole amount, like 52000.
staff-error-job-salary-order = The lowest salary is above the highest one.
staff-error-job-salary-currency = Give the currency as a three-letter code, like EUR or USD.
# domain/application.rs
staff-stage-applied = Applied
staff-stage-screening = Screening
staff-stage-screen-review = Screen review
staff-stage-interview = Interview
staff-stage-final-conversation = Final conversation
staff-stage-team-decision = Team decision
staff-stage-offer = Offer
staff-stage-hired = Hired
staff-stage-rejected = Rejected
staff-stage-withdrawn = Withdrawn
staff-error-retention-months = Keep candidates' data for between 1 and { $max } months after the job closes.
# domain/user.rs
staff-error-role = '{ $role }' is not a role: choose owner or interviewer
# domain/pipeline.rs ($from, $to, $stage, $next, $previous: stages' names)
staff-stage-settings-unknown = There is no stage called "{ $name }".
staff-stage-settings-not-skippable = { $stage } cannot be skipped: only Screening, Screen review and Final conversation can.
staff-move-final = { $from } is final: the application cannot move.
staff-move-same-stage = The application is already at { $stage }.
staff-move-skipped = This job skips the { $stage } stage: turn it back on in the job's settings to use it.
# $way: decision (from Team decision), next, or last (no next step); $previous: none when it cannot go back
staff-move-not-adjacent = { $way ->
        [decision] From Team decision the application moves on by the panel's decision: record the votes on the decision page.
        [next] From { $from } the next step is { $next }.
       *[last] From { $from } there is no next step.
    }{ $previous ->
        [none] {""}
       *[other] {" "}It can also go back to { $previous } to correct a mistake.
    }
staff-move-offer-needs-decision = An offer follows the panel's decision: record the votes on the decision page.
staff-move-not-a-decision = The panel's decision moves an application from Team decision to Offer or to Rejected, not from { $from } to { $to }.
staff-move-needs-a-person = Only a person can move an application from { $from } to { $to }.
staff-move-candidate-only-withdraws = A candidate can only withdraw their application.
staff-move-withdraw-is-the-candidates = Only the candidate, or staff on their behalf, can withdraw an application.
# domain/answer_review.rs
staff-error-review-reviews-needed = Reviews per answer: a whole number from 1 to { $max }.
staff-error-review-auto-weight = The automatic score counts as 0 to { $max } reviewers: a whole number.
staff-error-review-empathy = Choose an empathy grade: 0, 1 or 2.
staff-error-review-curiosity = Choose a curiosity grade: 0, 1 or 2.
staff-error-review-covered = Tick only this question's key points (the page may be out of date: reload it).
# $auto, $people (listed), $sum (added), $score: percentages as written; $reviewers and $weight: how many
staff-review-combined-alone = No review yet: the automatic score stands, { $auto }.
staff-review-combined-people = The mean of { $reviewers ->
        [one] one reviewer's score
       *[other] { $reviewers } reviewers' scores
    } ({ $people }); the automatic score ({ $auto }) does not count: { $score }.
staff-review-combined-weighted = The mean of { $reviewers ->
        [one] one reviewer's score
       *[other] { $reviewers } reviewers' scores
    } ({ $people }) and the automatic score ({ $auto }), which counts as { $weight ->
        [one] one reviewer
       *[other] { $weight } reviewers
    }: ({ $sum } + { $auto } × { $weight }) ÷ { $total } = { $score }.
staff-review-calibration-summary = You matched the agreed grades exactly on { $exact } of { $total } exemplar answers.{ $lenient ->
        [0] {""}
       *[other] {" "}You graded { $lenient } higher than agreed.
    }{ $strict ->
        [0] {""}
       *[other] {" "}You graded { $strict } lower than agreed.
    }
# domain/import.rs ($field, $header, $language, $fluency, $pair: quoted as typed)
staff-error-import-unknown-field = { $field } is not a field; use one of { $fields }
staff-error-import-no-such-column = the file has no column { $header } (for { $field })
staff-error-import-missing-column = no column for the candidate's { $field }: name one with { $field }=<header>
staff-error-import-language = { $language } is not a language Rapport knows; use a code such as en or fr
staff-error-import-fluency = { $fluency } is not a fluency; use native, fluent, professional or conversational
staff-error-import-too-large = the file is larger than { $megabytes } MB; split it
staff-error-import-no-headers = the first line is not CSV headers: { $error }
staff-error-import-bad-line = not valid CSV: { $error }
staff-error-import-mapping = { $pair }: write a mapping as field=Header, e.g. email=E-mail
# flows/pipeline.rs
staff-move-gone = This application no longer exists.
staff-move-raced = Someone moved this application a moment ago. Reload the page to see where it stands.
# $actor: candidate, panel, system, former (a deleted account) or person (named by $by); $unit: now, minute, hour or day, counted by $n
staff-move-moved-meanwhile = { $name } was moved to { $stage } by { $actor ->
        [candidate] the candidate
        [panel] the panel's vote
        [system] Rapport
        [former] a former team member
       *[person] { $by }
    } { $unit ->
        [minute] { $n ->
            [one] a minute ago
           *[other] { $n } minutes ago
        }
        [hour] { $n ->
            [one] an hour ago
           *[other] { $n } hours ago
        }
        [day] { $n } days ago
       *[now] a moment ago
    } (you saw them at { $seen }). Nothing was changed: check where they stand and choose again.
# scoring/types.rs
staff-dimension-empathy = Empathy
staff-dimension-curiosity = Curiosity
staff-dimension-content = Content
staff-dimension-tone = Tone
staff-tone-blame = blames the customer
staff-tone-sarcasm = sarcastic or condescending
staff-tone-rhetorical = rhetorical or accusatory question
staff-tone-shouting = shouting
staff-tone-brush-off = brushes the customer off (a link or one line)
# mail/candidate.rs (the staff's email editor)
staff-email-kind-booking-invitation = Choose an interview time
staff-email-kind-interview-invitation = Invitation to interview
staff-email-kind-interview-update = Interview moved
staff-email-kind-interview-cancelled = Interview cancelled
staff-email-kind-rejection = Kind rejection
staff-email-kind-offer = Offer
staff-error-email-subject = The subject cannot be used: { $error }
staff-error-email-text = The text cannot be used: { $error }
# web/api/ (the JSON API answers in English)
staff-api-error-close-reason = Say why the job closes: filled or cancelled.
staff-api-error-rejection-reason-long = Keep the reason to { $max } characters or fewer.
staff-api-error-stage-code = '{ $stage }' is not a stage code
staff-api-error-sort = sort by newest, oldest, score or name
staff-api-error-limit = give a limit from 1 to { $max }
staff-api-error-move-to = give the stage code to move to
staff-api-error-move-reason-long = keep the reason under { $max } characters
# flows/decision.rs
staff-vote-not-at-decision = Votes are taken when the application is at the team decision.
staff-vote-already-cast = You already voted on this candidate; votes are final.
# flows/subject_access.rs and flows/closing.rs (candidates read these: French too)
cand-export-about = Everything this hiring team holds about you for this application, as of the time below.
email-close-reason-filled = We have now filled this role.
email-close-reason-cancelled = We are no longer hiring for this role.
# flows/interviews.rs: the candidate's calendar event (French too), then the interviewers' emails
email-interview-ics-summary = { $company }: interview for { $title }
email-interview-ics-description = A conversation with { $company } about the { $title } role
staff-interview-kind-unknown = Interview
staff-mail-interview-ics-summary = { $kind } — { $title }: { $name }
staff-mail-interview-ics-description = { $kind } with { $company } ({ $title })
# $what: scheduled, rescheduled or cancelled
staff-mail-interview-subject = { $what ->
        [cancelled] Cancelled
        [rescheduled] Rescheduled
       *[scheduled] Interview
    }: { $name } ({ $kind })
staff-mail-interview-body = { $what ->
        [cancelled] Cancelled
        [rescheduled] Rescheduled
       *[scheduled] Scheduled
    }: { $kind } with { $name } for { $title }.

    When: { $when } (UTC: { $utc })
    Where: { $location }

    The interview kit and the scorecard:
    { $kit }
# flows/erasure.rs: the interviewers' cancellation ($why: request or retention)
staff-mail-erased-summary = Cancelled: { $kind } — { $title }
staff-mail-erased-note = { $why ->
        [retention] The job's retention period ended and the candidate's data was erased, so this interview will not take place.
       *[request] The candidate withdrew and asked for their data to be erased, so this interview will not take place.
    }
staff-mail-erased-body = Cancelled: { $kind } for { $title }, planned for { $when } (UTC: { $utc }).

    { $why ->
        [retention] The job's retention period ended and the candidate's data was erased, so this interview will not take place.
       *[request] The candidate withdrew and asked for their data to be erased, so this interview will not take place.
    }

# ---- web/admin: applications, pipeline, decisions, interviews, review, insight ----

# pipeline.rs
staff-error-move-form-stale = This form is out of date. Reload the page and try again.
staff-error-move-choose-stage = Choose the stage to move to.
staff-error-move-reason-long = Keep the reason under { $max } characters.
staff-error-bulk-none-ticked = Tick the candidates to move first.
staff-error-bulk-reject-reason = Give a reason for rejecting: it is kept in each candidate's history.
staff-bulk-unknown-candidate = (unknown)
staff-error-bulk-not-in-job = This application is not in this job.
staff-error-panel-not-team = Choose panel members from the team.

# decision.rs
staff-decision-former-member = Former member
staff-error-offer-terms = Write the offer's terms (role, pay, start date), at most { $max } characters.
staff-error-offer-before-approval = An offer follows the panel's approval.
staff-error-offer-already-made = An offer was already made to this candidate.
staff-error-offer-answer-choose = Say whether the offer was accepted or declined.
staff-error-offer-none-open = There is no open offer to answer.
staff-error-rejection-not-rejected = Only a rejected candidate gets the rejection email.
staff-error-rejection-already-sent = The rejection email was already sent to this candidate; it goes only once. The decision page says when.

# interviews.rs
staff-error-interview-kind = Choose the kind of interview.
staff-error-interviewers-none = Choose at least one interviewer from the panel.
staff-error-interviewers-not-on-panel = Interviewers must be on the job's hiring panel.
staff-interview-title-not-scheduled = The interview is not scheduled yet
staff-interview-title-not-moved = The interview is not moved yet
staff-error-interview-cancelled = This interview was cancelled; schedule a new one instead.
staff-error-scorecard-not-on-panel = Only the hiring panel records scorecards. Add yourself to the panel in the job's settings first.
staff-scorecard-title-not-saved-yet = The scorecard is not saved yet
staff-scorecard-title-not-saved = The scorecard is not saved
staff-error-scorecard-interview-not-theirs = This scorecard names an interview that is not one of { $name }'s. Open the interview from the candidate's page and record the scorecard there.
staff-error-kit-invalid = A kit needs a title (at most { $title_max } characters) and between 1 and { $questions_max } questions, one per line.
staff-offer-times-title-not-sent = The times are not sent yet
staff-error-offer-times-not-interview-stage = Times can be offered only to a candidate at an interview stage: move them there first.
staff-error-offer-times-no-free-time = No time suits every chosen interviewer in that period: ask them to add weekly hours on their availability page, choose fewer interviewers, or offer more days.

# applications.rs
staff-chip-not-scored = Not scored yet
staff-chip-screen-passed = Screen { $percent }% — passed ({ $mark }%)
staff-chip-screen-below = Screen { $percent }% — below the pass mark ({ $mark }%)
staff-applications-stage-all = All
staff-source-none = (no source on the link)
staff-notice-candidate-erased = The candidate's data is erased: their application, answers, CV, interviews and scorecards are gone, and the history keeps only that an application was erased.
staff-behind-tier-passed = passed screening tier { $tier }
staff-behind-tier-failed = did not pass screening tier { $tier }
staff-behind-tier-took = took screening tier { $tier }
staff-behind-answered = answered the screening question “{ $question }”
staff-behind-calibrated = were decided with both a scored screen and a scorecard
# Joins the conditions a list was narrowed to, two at a time.
staff-behind-both = { $first } and { $second }
staff-behind-showing = Showing applications that { $conditions }.
staff-history-actor-candidate = the candidate
staff-history-actor-system = Rapport
staff-former-team-member = a former team member
# Kept in the history when no reason was typed.
staff-history-moved-by-staff = moved by staff
staff-history-bulk-move = bulk move
staff-history-offer-accepted = accepted the offer
staff-history-offer-declined = declined the offer
# A key point the scorer found missing, and why.
staff-application-missed-because = { $point } ({ $why })
staff-error-override-empathy = Choose an empathy grade: 0, 1 or 2.
staff-error-override-curiosity = Choose a curiosity grade: 0, 1 or 2.
staff-error-override-percent = Give the answer's score as a percentage from 0 to 100.
staff-error-override-reason = Say why, in a sentence or two (at most { $max } characters): the next reviewer will read it.
staff-error-override-not-scored = This answer is not scored yet: it can be overridden once it is submitted.
staff-error-erase-unconfirmed = Tick the box to confirm that the candidate asked to be erased; nothing was erased.

# insight.rs
staff-insight-percent = { $percent }%
staff-insight-hours = { $hours } h
staff-insight-days = { $days } days
staff-insight-separation-unknown = not enough answers yet
staff-insight-separation-well = separates well
staff-insight-separation-weak = separates weakly
staff-insight-separation-none = does not separate
staff-insight-correlation-interval = ρ = { $rho } (95% interval { $low } to { $high }, { $units } candidates)
staff-insight-correlation = ρ = { $rho } ({ $units } candidates)
staff-insight-correlation-too-few = Not enough decided candidates yet: { $units } of the { $needed } needed.
staff-insight-correlation-same-grades = Every one of the { $units } candidates has the same grade on one side: no correlation to measure.
staff-insight-as-of = { $at } UTC, { $ago }
staff-insight-ago-now = just now
staff-insight-ago-minutes = { $minutes ->
        [one] { $minutes } minute ago
       *[other] { $minutes } minutes ago
    }
staff-insight-ago-hours = { $hours } hours ago
staff-insight-times-bar = { $median } / { $p90 } d
staff-insight-tier-bar = Tier { $tier }
staff-insight-source-none-bar = (none)
staff-insight-item-bar = Q{ $number } (tier { $tier })
staff-insight-axis-screen-empathy = Screen empathy (0–2)
staff-insight-axis-interview-empathy = Interview empathy (1–4)
staff-insight-axis-screen-curiosity = Screen curiosity (0–2)
staff-insight-axis-interview-curiosity = Interview curiosity (1–4)

# writing_view.rs
staff-writing-no-slips = no spelling slips
staff-writing-one-slip = 1 slip per 100 words
staff-writing-slips = { $rate } slips per 100 words

# availability.rs
staff-weekday-monday = Monday
staff-weekday-tuesday = Tuesday
staff-weekday-wednesday = Wednesday
staff-weekday-thursday = Thursday
staff-weekday-friday = Friday
staff-weekday-saturday = Saturday
staff-weekday-sunday = Sunday

# review/mod.rs
# Two problems said one after the other.
staff-error-one-then-another = { $first } { $second }
staff-error-review-settings = Check the review settings.
staff-error-reviewers-not-team = Choose reviewers from the team.
# Stands for the candidate's name in an answer shown to reviewers.
staff-review-masked-name = {"["}candidate]
staff-review-exemplar-strong = Strong exemplar
staff-review-exemplar-weak = Weak exemplar
staff-error-review-note-long = Keep the note under { $max } characters.
staff-error-review-exemplar = Exemplar { $number }: { $problem }

# review/agreement.rs
staff-agreement-interval = { $low } to { $high }
staff-agreement-too-few = not enough answers yet ({ $units } of { $needed })
staff-agreement-same-grades = everyone gave the same grade on { $units } answers: nothing to measure
staff-agreement-method-kappa = quadratic-weighted kappa
staff-agreement-method-alpha = Krippendorff's alpha
staff-agreement-back-review = Review answers
staff-agreement-back-settings = Job settings

# ---- web/admin: jobs, closing, company, emails, import, questionnaires, team, tokens; sign-in; forms ----
# Questionnaire problems (domain/questionnaire.rs, scoring/authoring.rs, flows/questionnaires.rs)
# A problem as listed: its line, what is wrong and how to fix it.
staff-questionnaire-problem-line = line { $line }: { $message } Fix: { $fix }
staff-questionnaire-problem = { $message } Fix: { $fix }
# A problem next to its field in the editor.
staff-questionnaire-problem-placed = { $message } { $fix }
# $error: the TOML reader's own (English) words.
staff-questionnaire-syntax = { $error }
staff-questionnaire-syntax-fix = Follow the format of the shipped questionnaires in questionnaires/ (TOML: top-level id, title, language, version, then [[questions]] with id, tier, prompt and a [questions.rubric]).
staff-questionnaire-id-not-simple = The id '{ $id }' is not a simple name.
staff-questionnaire-id-not-simple-fix = Use lower-case letters, digits and dashes, e.g. generalist-en.
staff-questionnaire-title-empty = The title is empty.
staff-questionnaire-title-empty-fix = Give the questionnaire a title candidates will read.
staff-questionnaire-language-unsupported = The language '{ $language }' is not supported.
staff-questionnaire-language-unsupported-fix = Use "en" or "fr".
staff-questionnaire-version-zero = The version is 0.
staff-questionnaire-version-zero-fix = Start versions at 1 and raise it whenever a question or rubric changes.
staff-questionnaire-link-not-web = The link '{ $url }' is not a web address.
staff-questionnaire-link-not-web-fix = Use a full https:// address.
staff-questionnaire-no-questions = There are no questions.
staff-questionnaire-no-questions-fix = Add [[questions]] entries, simplest first.
staff-questionnaire-question-id-not-simple = The question id '{ $id }' is not a simple name.
staff-questionnaire-question-id-not-simple-fix = Use lower-case letters, digits and dashes.
staff-questionnaire-question-id-twice = The question id '{ $id }' is used twice.
staff-questionnaire-question-id-twice-fix = Give every question its own id.
# $question: the question's quoted id in a file ('refund'), its number on the editor page (3).
staff-questionnaire-question-tier = Question { $question } has tier { $tier }.
staff-questionnaire-question-tier-fix = Tiers are 1 (simple), 2 (troubleshooting) or 3 (technical).
staff-questionnaire-question-tier-order = Question { $question } (tier { $tier }) comes after a tier { $before } question.
staff-questionnaire-question-tier-order-fix = Order questions from the simplest tier to the trickiest.
staff-questionnaire-question-no-prompt = Question { $question } has no prompt.
staff-questionnaire-question-no-prompt-fix = Write the customer's message the candidate answers.
staff-questionnaire-question-weights = Question { $question } has invalid rubric weights.
staff-questionnaire-question-weights-fix = Use non-negative weights that add up to more than 0, e.g. empathy = 0.3, curiosity = 0.3, content = 0.4.
staff-questionnaire-point-twice = Key point '{ $point }' of question { $question } is used twice.
staff-questionnaire-point-twice-fix = Give every key point its own id.
staff-questionnaire-point-no-label = Key point '{ $point }' of question { $question } has no label.
staff-questionnaire-point-no-label-fix = Write what a good answer says in one plain sentence, e.g. label = "Says an unused label can be voided within 30 days".
staff-questionnaire-point-no-words = Key point '{ $point }' of question { $question } has no words an answer could match.
staff-questionnaire-point-no-words-fix = Write the label as a plain sentence with the facts a good answer gives, or add examples = ["..."] or phrasings.
# scoring/authoring.rs
staff-questionnaire-phrasing-too-rich = The phrasing "{ $phrasing }" of key point '{ $point }' expands to more than { $max } alternatives; the matcher ignores the rest.
staff-questionnaire-phrasing-too-rich-fix = Split it into several shorter phrasings, or drop [optional] words: one filler word between words is tolerated anyway.
staff-questionnaire-point-vague = Key point '{ $point }' of question { $question } ("{ $label }") is too vague to check in an answer.
staff-questionnaire-point-vague-fix = Say what a good answer states or asks: a fact, a step, a place or a number, e.g. "Says refunds reach the card in 5–10 business days"; or add examples.
staff-questionnaire-point-no-strong = No strong exemplar of question { $question } earns key point '{ $point }' ("{ $label }").
staff-questionnaire-point-no-strong-fix = Add an example sentence in the words a good answer uses, or make the point in a strong exemplar.
staff-questionnaire-point-weak-earns = Weak exemplar { $weak } of question { $question } earns the required key point '{ $point }' ("{ $label }").
staff-questionnaire-point-weak-earns-fix = Make the key point's label more specific, or make the weak exemplar really weak.
# flows/questionnaires.rs
staff-questionnaire-not-toml = The questionnaire cannot be written as TOML: { $error }
staff-questionnaire-not-toml-fix = Check the weights are numbers.
staff-questionnaire-not-in-app = There is no questionnaire '{ $id }' written in the app.
staff-questionnaire-not-in-app-fix = Save it as a new questionnaire.
staff-questionnaire-saved-meanwhile = Someone saved version { $version } of this questionnaire a moment ago.
staff-questionnaire-saved-meanwhile-fix = Open the questionnaire again to see their version, then make your change.
# web/admin/jobs.rs
staff-job-support-language = Support language { $n }
staff-job-screening-tier-count = tier { $tier }: { $count }
staff-notice-job-screening-saved = Screening settings saved.
staff-notice-job-published = The job is published on the job board.
staff-notice-job-closed = The job is closed. Its page stays online and says so.
staff-notice-job-reopened = The job is open again.
staff-notice-job-address-changed = The address is changed. Links to the old one lead to the new one.
staff-notice-job-retention-saved = The retention period is saved.
staff-notice-job-saved = Saved.
staff-error-job-address-follows-title = Until the job is published, its address follows its title: change the title instead.
staff-error-job-address-invalid = Write the address with letters or digits, like customer-support-specialist.
staff-error-job-slug-taken = Another job uses /jobs/{ $slug } (or used it before). Choose another address.
# $status: the job's status as stored (draft, open, closed).
staff-error-job-cannot-publish = This job is { $status } and cannot be published now. Reload the page to see where it stands.
staff-error-job-cannot-reopen = This job is { $status } and cannot be reopened now. Reload the page to see where it stands.
staff-error-job-reopen-not-closed = Only a closed job can be reopened.
staff-error-screening-unknown-questionnaire = Choose questionnaires from the list.
staff-error-screening-answer-days = Give candidates between 1 and 90 days to answer.
staff-error-screening-writing-weight = Give spelling a weight between 0% and 30%.

# web/admin/closing.rs
staff-error-job-cannot-close = This job is { $status } and cannot be closed now. Reload the page to see where it stands.
staff-error-close-reason-missing = Say why the job closes: filled or cancelled.
staff-error-close-reason-long = Keep the reason to { $max } characters or fewer.
staff-error-job-no-longer-open = This job is no longer open. Reload the page to see where it stands.

# web/admin/company.rs (and the first owner's setup in web/auth.rs)
staff-error-company-name = Enter your company's name (at most 120 characters).
staff-error-company-url = Enter the full address, like https://example.com, or leave it empty.
staff-error-company-reply-to = Enter an email address like jobs@example.com, or leave it empty.

# web/admin/emails.rs
staff-title-email = Email: { $label }
staff-title-email-in = Email: { $label } ({ $language })
staff-error-email-action = Choose Preview, Save or Back to the default.
staff-error-email-empty = Write a subject and a text.
staff-error-email-long = Keep the subject under { $subject } characters and the text under { $body }.
# $placeholder: as written in the text, e.g. {{nmae}}.
staff-error-email-unknown-placeholder = Rapport does not know { $placeholder }: the candidate would see a blank there. Use one of the placeholders listed under the text.

# web/admin/import.rs
staff-error-import-no-file = Choose a CSV file: nothing was imported.

# web/admin/team.rs
staff-error-team-has-account = This person already has an account.

# web/admin/tokens.rs
staff-token-days-hint = From 1 to { $max }.

# web/admin/webhooks.rs: a delivery's state
staff-webhook-delivery-delivered = Delivered
staff-webhook-delivery-given-up = Given up
staff-webhook-delivery-retrying = Retrying
staff-webhook-delivery-waiting = Waiting

# web/admin/questionnaires/
staff-error-questionnaire-link-label = Give the link a label candidates will read.
staff-error-questionnaire-link-url = Enter the full address, like https://help.example.com.
staff-error-questionnaire-language = Choose English or French.
staff-error-questionnaire-tier = Choose tier 1, 2 or 3.
staff-error-questionnaire-minutes = Enter whole minutes between 1 and 240, or leave it empty.
staff-error-questionnaire-weight = Enter a number of 0 or more, like 0.3 (or leave all three weights empty).
staff-error-questionnaire-file-large = The file is larger than { $kb } KB.
staff-error-questionnaire-unknown = Choose a questionnaire from the list.
staff-error-questionnaire-import-empty = There is no TOML to import.
staff-error-questionnaire-import-empty-fix = Paste the questionnaire's text or choose its .toml file.
staff-questionnaire-copy-title = { $title } (copy)
staff-notice-questionnaire-saved = Saved as a new version. Candidates who already answered keep the version they saw.
staff-notice-questionnaire-imported = Imported and saved.
staff-notice-questionnaire-earlier-version = This form starts from an earlier version: saving makes it the newest.

# web/auth.rs
staff-error-sign-in-limited-network = Too many failed sign-ins from your network. Wait 15 minutes, then try again.
staff-error-sign-in-limited-account = Too many failed sign-ins for this account. Wait 15 minutes, then try again, or choose a new password with the link below.
staff-error-sign-in-mismatch = That email and password do not match an account. Check both and try again.
staff-error-password-mismatch = The two passwords are not the same.
# The kind of link in "This { $what } no longer works" (staff-auth-link-gone-title).
staff-auth-link-setup = setup link
staff-auth-link-invitation = invitation
staff-auth-link-reset = password link
staff-auth-link-setup-hint = Setup links work once and only while no account exists. Restart Rapport to print a new one in its log, or create the owner with `rapport user add --role owner`.
staff-auth-link-invitation-hint = Invitations work once and expire after a week. Ask the person who invited you to send a new one.
staff-auth-link-reset-hint = Password links work once and for one hour, and only the latest one sent. Ask for a new one from the sign-in page.
# When an emailed password link stops working.
staff-auth-reset-expires = { $time } UTC on { $date }

# static/localtime.js: after a time shown in the reader's own zone
staff-localtime-yours = (your time)

# web/forms.rs: forms of candidate pages too
error-form-not-urlencoded = This address takes a web form (application/x-www-form-urlencoded); nothing was changed.
error-form-not-multipart = This form is sent as multipart/form-data; nothing was changed.
# $detail: what the form reader found wrong (technical, in English).
error-form-unreadable = The form could not be read: { $detail }

# web/public/
public-feed-title = Jobs at { $company }
cand-language-unknown = Unknown language

# The job advice (domain/job_review.rs). Advice on words found in the
# post, and why those words matter, is kept with its phrase lists in
# data/job_review.toml.
staff-advice-title-hype = The title uses “{ $found }”. Say what the job is instead, like “Customer Support Specialist”.
staff-advice-title-vague = The title does not say this is a support job.
# $heading: the section's heading, like “A typical day”.
staff-advice-missing-section = The section “{ $heading }” is empty.
staff-advice-missing-typical-day-why = A summary of a typical day lets candidates picture the work and decide whether it is for them.
staff-advice-missing-technical-why = Say whether the job involves troubleshooting or actual coding, so candidates can judge the technical side honestly.
staff-advice-missing-looking-for-why = Describe the person you want in a few lines, so they recognise themselves.
staff-advice-missing-company-culture-why = Good candidates look for good people, room to grow, ownership and a culture they share: tell them who you are.
staff-advice-missing-how-to-apply-why = Clear next steps (answer the screening questions, send a cover letter, a portfolio link…) turn interest into applications.
# $n: the bullet points of the requirement sections; $max: the most advised.
staff-advice-requirements-wall-technical = “The technical side” lists { $n } requirements; keep them to the few that really matter (at most { $max }).
staff-advice-requirements-wall-looking-for = “Who we are looking for” lists { $n } requirements; keep them to the few that really matter (at most { $max }).
staff-advice-requirements-wall-both = “Who we are looking for” and “The technical side” list { $n } requirements; keep them to the few that really matter (at most { $max }).
staff-advice-requirements-wall-why = Long lists of every imaginable skill discourage good people, who apply only when they tick every box.
staff-advice-no-salary = No salary is given.
staff-advice-no-salary-why = A decent salary is one of the first things good candidates look for; a range builds trust and saves everyone's time.
staff-advice-salary-range-wide = The salary range is very wide (the top is more than twice the bottom).
staff-advice-salary-range-wide-why = A range that wide says little; candidates read it as the bottom figure.
staff-advice-no-next-step = “How to apply” does not say what to do next.
staff-advice-no-channels = No support channels are chosen.
staff-advice-no-channels-why = Live chat, email and phone are different jobs; candidates need to know which ones they will work in.
staff-advice-no-tools = No tools or platforms are named.
staff-advice-no-tools-why = Naming the help desk, chat and platforms you use helps candidates with experience in a similar ecosystem find you.

# end of staff pages
