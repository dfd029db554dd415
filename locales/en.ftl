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

# end of candidate pages



## Emails
# (to candidates; staff emails are under Staff pages)

# end of emails



## Staff pages
# In English only for now: every key here starts with `staff-`, which
# exempts it from the other files.

# end of staff pages
