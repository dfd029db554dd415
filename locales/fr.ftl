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

email-hello = Bonjour { $name },
email-wish-luck = Nous vous souhaitons le meilleur dans votre recherche.
email-ignore-if-not-asked = Si vous ne l’avez pas demandé, vous pouvez ignorer cet e-mail.

email-received-subject-questions = Votre candidature au poste de { $job } : la prochaine étape
email-received-subject = Nous avons bien reçu votre candidature au poste de { $job }
email-received-thanks = Merci d’avoir postulé au poste de { $job } chez { $company }. Nous lisons chaque candidature.
email-received-thanks-html = Merci d’avoir postulé au poste de <strong>{ $job }</strong> chez { $company }. Nous lisons chaque candidature.
email-received-questions = La prochaine étape, ce sont quelques questions de présélection : des situations réelles que nous soumettent nos clients, avec des liens vers notre centre d’aide. Prenez votre temps ; vos réponses sont enregistrées au fur et à mesure.
email-received-questions-link = Votre lien personnel (valable jusqu’au { $expires } ; gardez-le pour vous) :
email-received-questions-open-html = <a href="{ $link }">Ouvrir vos questions</a> (votre lien personnel est valable jusqu’au { $expires } ; gardez-le pour vous).
email-received-status = Vous aurez de nos nouvelles d’ici une semaine. Votre page personnelle indique où en est votre candidature ; vous pouvez aussi y retirer votre candidature ou faire effacer vos données à tout moment.
email-received-status-link = Votre lien personnel (valable jusqu’au { $expires }, et vous pouvez en demander un nouveau depuis la page de l’offre ; gardez-le pour vous) :
email-received-status-open-html = <a href="{ $link }">Ouvrir la page de votre candidature</a> (votre lien personnel est valable jusqu’au { $expires }, et vous pouvez en demander un nouveau depuis la page de l’offre ; gardez-le pour vous).

email-next-round-subject = { $job } : vos prochaines questions
email-next-round-passed = Merci pour vos réponses : vous avez franchi la première étape de la présélection pour le poste de { $job }. Les questions suivantes (niveau { $tiers }) sont un peu plus délicates ; les liens qu’elles contiennent vous aideront.
email-next-round-passed-html = Merci pour vos réponses : vous avez franchi la première étape de la présélection pour le poste de <strong>{ $job }</strong>. Les questions suivantes (niveau { $tiers }) sont un peu plus délicates ; les liens qu’elles contiennent vous aideront.
email-next-round-link = Votre lien personnel (valable jusqu’au { $expires }) :
email-next-round-open-html = <a href="{ $link }">Ouvrir vos prochaines questions</a> (votre lien personnel est valable jusqu’au { $expires }).

email-link-subject-again = Votre candidature au poste de { $job } : votre lien personnel
email-link-subject = Votre nouveau lien pour le poste de { $job }
email-link-again = Quelqu’un (sans doute vous) vient de postuler à nouveau au poste de { $job } chez { $company } avec cette adresse e-mail. Nous avons déjà votre candidature : nous n’en avons donc pas créé une deuxième, et rien n’y a changé.
email-link-again-html = Quelqu’un (sans doute vous) vient de postuler à nouveau au poste de <strong>{ $job }</strong> chez { $company } avec cette adresse e-mail. Nous avons déjà votre candidature : nous n’en avons donc pas créé une deuxième, et rien n’y a changé.
email-link-again-link = Voici le lien personnel vers votre candidature (valable jusqu’au { $expires } ; gardez-le pour vous) :
email-link-again-open-html = <a href="{ $link }">Ouvrir votre candidature</a> (votre lien personnel est valable jusqu’au { $expires } ; gardez-le pour vous).
email-link-new = Voici un nouveau lien personnel vers votre candidature au poste de { $job } chez { $company } (valable jusqu’au { $expires }) :
email-link-new-html = Voici un <a href="{ $link }">nouveau lien personnel vers votre candidature</a> au poste de <strong>{ $job }</strong> chez { $company } (valable jusqu’au { $expires }).

email-declined-subject = Votre candidature au poste de { $job }
email-declined-body = Merci pour le temps que vous avez consacré à nos questions de présélection pour le poste de { $job }. Nous avons décidé de ne pas donner suite à votre candidature : c’est notre décision définitive pour ce poste, et elle ne dit rien de ce que vous pouvez devenir.
email-declined-body-html = Merci pour le temps que vous avez consacré à nos questions de présélection pour le poste de <strong>{ $job }</strong>. Nous avons décidé de ne pas donner suite à votre candidature : c’est notre décision définitive pour ce poste, et elle ne dit rien de ce que vous pouvez devenir.

email-default-booking-invitation-subject = { $job_title } : choisissez le moment de notre échange
email-default-booking-invitation-body =
    Bonjour { $name },

    Merci pour vos réponses : nous avons pris plaisir à les lire, et nous aimerions échanger avec vous. Choisissez le moment qui vous convient le mieux :

    { $booking_link }

    Les horaires sont affichés dans votre propre fuseau horaire. Vous pouvez déplacer ou annuler votre rendez-vous depuis ce même lien.

    { $company }
email-default-interview-invitation-subject = { $job_title } : et si nous en parlions ?
email-default-interview-invitation-body =
    Bonjour { $name },

    Merci pour vos réponses : nous avons pris plaisir à les lire, et nous aimerions échanger avec vous.

    Quand : { $when }
    Où : { $location }
    Avec : { $interviewers }

    L’invitation est jointe pour votre agenda.{ $if_reply_to }

    { $company }
email-default-interview-invitation-reply = Si l’horaire ne vous convient pas, répondez simplement à cet e-mail et nous en trouverons un autre.
email-default-interview-update-subject = Nouvel horaire : notre échange pour le poste de { $job_title }
email-default-interview-update-body =
    Bonjour { $name },

    Changement d’horaire : notre échange a été déplacé. Le nouvel horaire :

    Quand : { $when }
    Où : { $location }

    L’invitation mise à jour est jointe. Toutes nos excuses pour ce changement, et merci de votre souplesse.

    { $company }
email-default-interview-cancelled-subject = { $job_title } : notre échange est annulé
email-default-interview-cancelled-body =
    Bonjour { $name },

    Nous avons dû annuler notre échange prévu le { $when }.{ $unless_decided }

    { $company }
email-default-interview-cancelled-next = Nous reviendrons vers vous pour la suite.
email-default-rejection-subject = Votre candidature au poste de { $job_title }
email-default-rejection-body =
    Bonjour { $name },

    Merci pour le temps et le soin que vous avez consacrés à votre candidature au poste de { $job_title }. Nous avons décidé de ne pas y donner suite : c’est notre décision définitive pour ce poste.{ $if_reason }

    Nous vous souhaitons le meilleur dans votre recherche.

    { $company }
email-default-offer-subject = { $job_title } : une proposition de { $company }
email-default-offer-body =
    Bonjour { $name },

    Quelle joie : toute l’équipe aimerait que vous rejoigniez { $company } au poste de { $job_title }.

    { $terms }

    { $call }

    { $company }
email-default-offer-call-reply = Répondez à cet e-mail pour toute question ; nous vous appellerons pour en parler ensemble.
email-default-offer-call = Nous vous appellerons pour en parler ensemble.

email-sample-name = Camille Martin
email-sample-job = Chargée de support client
email-sample-timezone = Europe/Paris
email-sample-interviewers = Fran Founder, Ivy Interviewer
email-sample-reason = Nous avons choisi une personne plus expérimentée dans le support de la facturation.
email-sample-terms = Temps plein, 44 000 EUR par an, à partir du 1er avril.

# end of emails

