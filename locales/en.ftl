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

# end of staff pages
