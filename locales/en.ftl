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

# end of emails



## Staff pages
# In English only for now: every key here starts with `staff-`, which
# exempts it from the other files.

# emails/password_reset.html.hbs
staff-email-password-reset-hello = Hello { $name },
staff-email-password-reset-asked = Someone (we hope you) asked to choose a new password for your Rapport account at { $company }.
staff-email-password-reset-link-html = <a href="{ $link }">Choose your new password</a> (the link works once, for one hour, until { $expires_at }).
staff-email-password-reset-signs-out = Choosing a new password signs you out everywhere else.
staff-email-password-reset-ignore = If you did not ask for this, you can ignore this email: your password stays as it is.

# emails/password_reset.subject.hbs
staff-email-password-reset-subject = Choose a new password for Rapport at { $company }

# emails/password_reset.text.hbs
staff-email-password-reset-link-text = Choose your new password here (the link works once, for one hour, until { $expires_at }):

# emails/staff_invitation.html.hbs
staff-email-invitation-hello = Hello { $name },
staff-email-invitation-invited-html = { $inviter } invited you to join { $company }'s hiring team on Rapport as <strong>{ $role }</strong>.
staff-email-invitation-link-html = <a href="{ $link }">Choose your password</a> (the link works once, until { $expires_on }).
staff-email-invitation-ignore = If you did not expect this email, you can ignore it: nothing happens until the link is used.

# emails/staff_invitation.subject.hbs
staff-email-invitation-subject = { $inviter } invited you to hire with { $company } on Rapport

# emails/staff_invitation.text.hbs
staff-email-invitation-invited = { $inviter } invited you to join { $company }'s hiring team on Rapport as { $role }.
staff-email-invitation-link-text = Choose your password here (the link works once, until { $expires_on }):

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

# pages/auth/forgot.hbs
staff-auth-forgot-title = Choose a new password
staff-auth-forgot-sent = If an account exists for that email, we have sent it a link to choose a new password. The link works once, for one hour.
staff-auth-forgot-nothing-arrived = Nothing arrived after a few minutes? Check your spam folder, or ask the owner of this Rapport to invite you again.
staff-auth-back-to-sign-in = Back to sign in
staff-auth-forgot-intro = Enter the email you sign in with. We will send you a link to choose a new password.
staff-common-email = Email
staff-auth-forgot-submit = Send me a link

# pages/auth/invitation.hbs
staff-auth-invitation-title = Join the team
staff-auth-invitation-intro-html = You were invited as <strong>{ $role }</strong> with the email <strong>{ $email }</strong>. Choose the name your colleagues see and a password.
staff-auth-your-name = Your name
staff-common-password = Password
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

# end of staff pages
