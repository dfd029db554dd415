# Français. Every candidate-facing key of en.ftl, translated; staff keys
# fall back to English.

## How this language is written (read by code, not shown as is)

language-name = Français
chrono-locale = fr_FR
format-date = %-d %B %Y
format-datetime = %A %-d %B %Y à %H:%M
format-time = %H:%M
format-weekday-date = %A %-d %B
number-group-separator = {"\u202F"}
number-decimal-separator = ,
when-in-city = { $datetime }, heure de { $city } ({ $abbr })
when-in-zone = { $datetime } { $abbr }

## The page around every candidate and public page

layout-skip = Aller au contenu
layout-jobs = Offres d’emploi
layout-open-jobs = Offres ouvertes
layout-feed = Flux
layout-feed-title = Offres ouvertes
layout-footer-html = Recrutement avec <a href="/jobs">Rapport</a>. Nous lisons chaque candidature.
layout-language = Langue

## Candidate pages
# (the apply form, the thank-you page, personal pages, booking, the board and job pages)

# end of candidate pages



## Emails
# (to candidates; staff emails are under Staff pages)

# end of emails

