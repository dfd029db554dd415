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

# Mots communs
cand-see-open-jobs = Voir les offres ouvertes
cand-back-to-job = Retour à l’offre
cand-inbox-heading = Consultez votre boîte mail
cand-minutes = { $minutes } minutes
cand-where = Lieu :
cand-question = Question { $number }
cand-send-answers = Envoyer mes réponses
cand-job-closed = Cette offre est close

# Le formulaire de candidature
cand-apply-title = Postuler : { $job }
cand-apply-problems-title = Vérifiez votre candidature
cand-apply-closed-html = Elle ne reçoit plus de candidatures. Merci de votre intérêt ; <a href="/jobs">voyez les offres ouvertes</a>.
cand-apply-closed-error = Cette offre est close et ne reçoit plus de candidatures.
cand-apply-intro-questions = Comptez environ cinq minutes. Une fois votre candidature envoyée, nous vous écrivons un lien personnel vers quelques questions de présélection : de vraies situations de support, avec des liens vers notre centre d’aide pour que vous ne répondiez pas à l’aveugle. Vous pouvez enregistrer et revenir plus tard.
cand-apply-intro-status = Comptez environ cinq minutes. Une fois votre candidature envoyée, nous vous écrivons un lien personnel vers votre propre page, où vous pouvez suivre votre candidature.
cand-apply-name = Votre nom
cand-apply-email = Adresse e-mail
cand-apply-email-hint = Nous ne vous écrivons qu’au sujet de cette offre.
cand-apply-languages = Langues dans lesquelles vous pouvez aider les clients
cand-apply-language = Langue
cand-apply-fluency = Niveau
cand-apply-location = Où vous habitez (facultatif)
cand-apply-location-hint = Ville et pays.
cand-apply-timezone = Votre fuseau horaire (facultatif)
cand-apply-timezone-hint = Tapez votre région ou votre ville et choisissez-la dans la liste, par exemple Europe/Paris. Nous vous donnons les horaires d’entretien dans votre fuseau.
cand-apply-cover-letter = Quelques mots sur vous (facultatif)
cand-apply-cover-letter-hint = Pourquoi le support, pourquoi nous, ce que vous avez fait avec des clients. Votre personnalité est la bienvenue ; pas besoin d’une lettre formelle.
cand-apply-portfolio = Un lien vers votre CV, votre profil LinkedIn ou votre portfolio (facultatif)
cand-apply-cv = Ou joignez votre CV en PDF (facultatif, { $mb } Mo au maximum)
cand-apply-consent = J’accepte que { $company } conserve et lise ma candidature et mes réponses pour étudier mon profil pour cette offre. Elles sont conservées { $months } mois après la clôture de l’offre, puis supprimées ; je peux retirer ma candidature ou les faire effacer à tout moment depuis ma page de suivi.
cand-apply-send = Envoyer ma candidature

# Ce que le formulaire signale
cand-error-name-empty = Indiquez un nom.
cand-error-name-long = Le nom ne peut pas dépasser 120 caractères.
cand-error-name-control = Le nom ne peut pas contenir de caractères de contrôle.
cand-error-email-empty = Indiquez une adresse e-mail.
cand-error-email-invalid = Indiquez une adresse e-mail de la forme nom@exemple.fr.
cand-error-languages-list = Choisissez les langues dans la liste.
cand-error-languages-fluency = Indiquez votre niveau dans chaque langue.
cand-error-languages-none = Indiquez au moins une langue dans laquelle vous pouvez aider les clients, et votre niveau.
cand-error-location-long = 200 caractères au maximum.
cand-error-timezone = Choisissez votre fuseau horaire dans la liste, par sa ville (par exemple Europe/Paris ou America/Montreal), ou laissez le champ vide.
cand-error-cover-letter-long = Votre présentation doit faire moins de { $max } caractères.
cand-error-portfolio-url = Indiquez l’adresse complète, comme https://linkedin.com/in/vous, ou laissez le champ vide.
cand-error-consent = Cochez la case pour accepter que nous traitions votre candidature (vous pouvez la retirer et l’effacer à tout moment).
cand-error-cv-large = Le CV dépasse 5 Mo. Envoyez un PDF plus léger, ou plutôt un lien vers celui-ci.
cand-error-cv-unreadable = Le CV n’a pas pu être lu. Veuillez réessayer.
cand-error-cv-not-pdf = Le CV n’est pas un document PDF. Enregistrez-le en PDF et réessayez, ou envoyez plutôt un lien.
cand-error-answer-long = Une réponse dépasse { $max } caractères. Raccourcissez-la ; rien n’est perdu de notre côté, revenez en arrière pour retrouver votre texte.
cand-error-already-closed = Cette candidature est déjà close.

# Les langues et le niveau
cand-language-en = Anglais
cand-language-fr = Français
cand-language-de = Allemand
cand-language-es = Espagnol
cand-language-it = Italien
cand-language-pt = Portugais
cand-language-nl = Néerlandais
cand-language-pl = Polonais
cand-language-sv = Suédois
cand-language-da = Danois
cand-language-no = Norvégien
cand-language-fi = Finnois
cand-language-cs = Tchèque
cand-language-ro = Roumain
cand-language-tr = Turc
cand-language-ru = Russe
cand-language-uk = Ukrainien
cand-language-ar = Arabe
cand-language-he = Hébreu
cand-language-hi = Hindi
cand-language-ja = Japonais
cand-language-ko = Coréen
cand-language-zh = Chinois
cand-fluency-native = Langue maternelle ou bilingue
cand-fluency-fluent = Courant
cand-fluency-professional = Professionnel
cand-fluency-conversational = Conversationnel

# Après la candidature
cand-applied-title = Merci pour votre candidature
cand-applied-thanks = Merci — nous lisons chaque candidature.
cand-applied-thanks-name = Merci, { $name } — nous lisons chaque candidature.
cand-applied-sent = Nous avons envoyé votre lien personnel pour { $job } à l’adresse indiquée. Cela peut prendre une minute ou deux ; pensez à regarder aussi dans vos indésirables.
cand-applied-questions = Le lien ouvre vos questions de présélection : de vraies situations que nos clients nous soumettent. Prenez votre temps, servez-vous des liens que nous vous donnons, et écrivez comme vous le feriez à un client. Vos réponses sont enregistrées au fur et à mesure.
cand-applied-status = Le lien ouvre votre propre page, où vous pouvez voir où en est votre candidature, la retirer ou faire effacer vos données. Vous aurez de nos nouvelles d’ici une semaine.
cand-applied-no-email-html = Pas d’e-mail au bout de quelques minutes ? <a href="/jobs/{ $slug }#lost-link">Demandez un nouveau lien</a>.

# Les liens personnels
cand-link-sent-body = Si vous avez postulé à { $job } avec cette adresse, nous venons de vous envoyer un nouveau lien personnel. Cela peut prendre une minute ou deux ; pensez à regarder aussi dans vos indésirables.
cand-lost-title = Recevoir un nouveau lien personnel
cand-lost-body = Vous avez déjà postulé à { $job } ? Indiquez l’adresse e-mail de votre candidature et nous vous enverrons un nouveau lien vers vos questions et votre candidature.
cand-link-expired = Ce lien a expiré
cand-link-broken = Ce lien ne fonctionne pas
cand-link-expired-body = Les liens personnels ne sont valables qu’un temps. Indiquez l’adresse e-mail de votre candidature et nous vous enverrons un nouveau lien pour { $job }.
cand-link-broken-html = Nous n’avons pas trouvé ce lien. Vérifiez que vous avez bien copié toute l’adresse de l’e-mail. Si cela ne fonctionne toujours pas, ouvrez l’offre sur notre <a href="/jobs">page d’offres</a> et utilisez « Lien perdu ? » pour en recevoir un nouveau.

# La page du candidat
cand-home-hello = Bonjour { $name }
cand-home-where = Où vous en êtes
cand-home-done = (fait)
cand-home-now = (en cours)
cand-home-booked = Vos échanges prévus
cand-home-invitations = Nous vous avons aussi envoyé une invitation d’agenda pour chacun. Si un horaire ne vous convient pas, répondez à cet e-mail.
cand-home-questions-size = { $count ->
    [one] { $count } question
   *[other] { $count } questions
  }{ $minutes ->
    [0] {""}
   *[other] , environ { $minutes } minutes
  }.
cand-home-questions-how = Répondez comme vous répondriez au client. Vos réponses sont enregistrées pendant que vous écrivez (et chaque fois que vous appuyez sur « Enregistrer ») ; une question laissée vide compte comme sans réponse. Quand elles vous conviennent, appuyez sur « Envoyer mes réponses » : vous ne pouvez les envoyer qu’une fois.
cand-home-links = Liens utiles
cand-home-helpful = Pour vous aider :
cand-home-question-minutes = Environ { $minutes } minutes.
cand-home-save = Enregistrer
cand-home-data = Votre candidature et vos données
cand-home-erased-on = Cette offre est close : nous supprimons votre candidature et tout ce que vous avez envoyé le { $date }, { $months } mois après sa clôture.
cand-home-kept = Nous conservons votre candidature { $months } mois après la clôture de l’offre, puis nous la supprimons.
cand-home-download = Télécharger tout ce que nous détenons sur vous
cand-home-json = (un fichier JSON)
cand-home-download-cv = Télécharger le CV que vous avez envoyé
cand-home-withdraw = Retirer ma candidature
cand-home-erase = Effacer mes données maintenant
cand-home-erase-hint = Cela supprime immédiatement votre candidature, vos réponses et tout fichier envoyé. C’est définitif.
cand-notice-saved = Vos réponses sont enregistrées. Vous pouvez revenir les terminer plus tard.
cand-notice-submitted = Merci ! Nous avons bien reçu vos réponses.
cand-notice-next = Merci ! Vous avez réussi cette étape : les questions suivantes sont ci-dessous, et nous vous avons aussi envoyé un lien par e-mail.
cand-notice-already = Nous avons déjà vos réponses à ces questions : rien n’a été modifié.
cand-notice-withdrawn = Vous avez retiré votre candidature. Nous regrettons de vous voir partir, et vous souhaitons le meilleur.
cand-step-applied = Candidature reçue
cand-step-screening = Questions de présélection
cand-step-review = L’équipe lit vos réponses
cand-step-conversations = Échanges avec l’équipe
cand-step-decision = Décision
cand-stage-applied = Nous avons bien reçu votre candidature. L’équipe les lit toutes et reviendra vers vous.
cand-stage-screening = Vos questions de présélection attendent vos réponses.
cand-stage-screen-review = Merci pour vos réponses. L’équipe les lit et reviendra vers vous.
cand-stage-interview = Vous êtes à l’étape des entretiens : l’équipe aimerait échanger avec vous. Vos échanges prévus sont listés ici ; nous vous recontacterons pour la suite.
cand-stage-final-conversation = Un dernier échange, détendu, avec l’équipe avant la décision. Il apparaît ici une fois planifié.
cand-stage-team-decision = L’équipe prend sa décision. Vous aurez bientôt de nos nouvelles.
cand-stage-offer = Nous vous avons fait une offre : les détails sont dans notre e-mail. Répondez-y pour toute question.
cand-stage-hired = Bienvenue dans l’équipe ! Nous sommes ravis que vous ayez dit oui, et nous vous recontacterons au sujet de vos premiers jours.
cand-stage-rejected = Nous avons décidé de ne pas donner suite à votre candidature. Merci pour le temps que vous nous avez consacré.
cand-stage-withdrawn = Vous avez retiré votre candidature.
cand-interview-culture = Un échange avec l’équipe
cand-interview-role-play = Une mise en situation de support avec l’équipe
cand-interview-cv-review = Un échange sur votre parcours
cand-interview-technical = Un échange technique
cand-interview-final-conversation = Un dernier échange, détendu
cand-interview-other = Entretien

# Confirmer
cand-confirm-empty = { $count ->
    [one] { $count } question est encore vide : une réponse vide compte comme sans réponse.
   *[other] { $count } questions sont encore vides : une réponse vide compte comme sans réponse.
  }
cand-confirm-answers = Vos réponses
cand-confirm-no-answer = Pas encore de réponse.
cand-confirm-back-answers = Revenir à mes réponses
cand-confirm-back = Non, revenir
cand-submit-title = Envoyer vos réponses ?
cand-submit-lead = Une fois envoyées, vos réponses ne peuvent plus être modifiées. Relisez-les une dernière fois ; pour changer quelque chose, revenez-y.
cand-submit-button = Oui, envoyer mes réponses
cand-withdraw-title = Retirer votre candidature ?
cand-withdraw-lead = Nous cesserons d’étudier votre candidature pour cette offre, et c’est définitif : pour être de nouveau considéré, il faudrait postuler à nouveau. Vos données restent jusqu’à ce que vous les effaciez ou que la durée de conservation prenne fin.
cand-withdraw-button = Oui, retirer ma candidature
cand-erase-title = Effacer toutes vos données maintenant ?
cand-erase-lead = Nous supprimerons immédiatement votre candidature, vos réponses et tout fichier envoyé, et vous retirerons de cette offre. Votre lien personnel cessera de fonctionner. C’est définitif.
cand-erase-button = Oui, effacer mes données
cand-erased-title = Vos données sont effacées
cand-erased-body = Nous avons supprimé votre candidature, vos réponses et tout fichier que vous nous avez envoyé. Merci de votre intérêt, et bonne continuation.

# Réserver un entretien
cand-booking-title = Choisir un horaire
cand-booking-heading = Choisissez un horaire pour échanger
cand-booking-heading-booked = Votre entretien avec { $company }
cand-booking-facts = { $kind }, { $minutes } minutes. Lieu : { $location }
cand-booking-booked = Réservé : { $when }
cand-booking-change-until = Vous pouvez le déplacer ou l’annuler ici jusqu’au { $until }.
cand-booking-too-close = L’entretien est trop proche pour être modifié ici : si vous ne pouvez pas venir, répondez à l’e-mail d’invitation et nous trouverons une solution avec vous.
cand-booking-zone = Les horaires sont indiqués dans votre fuseau horaire, { $zone }.
cand-booking-move = Déplacer mon entretien
cand-booking-book = Réserver cet horaire
cand-booking-none-free = Aucun des horaires proposés n’est encore libre. Répondez à notre e-mail et nous vous en proposerons d’autres.
cand-booking-cancel = Annuler mon entretien
cand-booking-notice-booked = Votre entretien est réservé : l’invitation arrive dans votre boîte mail.
cand-booking-notice-moved = Votre entretien est déplacé : l’invitation mise à jour est en route.
cand-booking-notice-cancelled = Votre réservation est annulée. Vous pouvez choisir un autre horaire ci-dessous.
cand-booking-problem-choose = Choisissez l’un des horaires ci-dessous.
cand-booking-problem-not-offered = Cet horaire n’est plus proposé. Choisissez l’un des horaires ci-dessous.
cand-booking-problem-taken = Désolé, quelqu’un a réservé cet horaire juste avant vous. Les horaires ci-dessous sont encore libres : choisissez-en un autre.
cand-booking-problem-too-late = Votre entretien est trop proche pour être modifié ici. Répondez à l’e-mail d’invitation et nous trouverons une solution avec vous.
cand-booking-problem-too-late-cancel = Votre entretien est trop proche pour être annulé ici. Répondez à l’e-mail d’invitation et nous trouverons une solution avec vous.

# Les offres
public-board-title = Offres ouvertes
public-board-heading = Offres ouvertes chez { $company }
public-filter = Filtrer les offres
public-filter-language = Langue du support
public-filter-any = Toutes les langues
public-filter-remote = Télétravail uniquement
public-filter-show = Afficher les offres
public-filter-clear = Effacer les filtres
public-posted = Publiée le { $date }
public-board-no-match-html = Aucune offre ouverte ne correspond à ces filtres. <a href="/jobs">Voir toutes les offres ouvertes</a>.
public-board-empty-html = Aucune offre n’est ouverte pour le moment. Suivez le <a href="/jobs.atom">flux</a> pour être informé de la prochaine.

# La page d’une offre
public-job-title = { $job } chez { $company }
public-preview = Aperçu.
public-preview-draft = Cette offre est un brouillon : seule l’équipe peut voir cette page.
public-preview-look = Voici à quoi ressemble la page de l’offre.
public-preview-back = Retour à l’éditeur
public-job-where = Lieu
public-job-hours = Horaires et fuseaux
public-job-employment = Contrat
public-job-salary = Salaire
public-job-languages = Langues
public-job-channels = Canaux
public-job-tools = Outils
public-job-filled = Nous avons trouvé la personne que nous cherchions. Merci à toutes celles et ceux qui ont postulé.
public-job-cancelled = Nous ne recrutons plus pour ce poste.
public-interested = Intéressé(e) ?
public-apply-intro = Postulez avec un court formulaire, puis répondez à quelques vraies questions de support grâce à un lien personnel.
public-open-until = Candidatures ouvertes jusqu’au { $date }.
public-apply-now = Postuler
public-already-applied = Déjà candidat(e) ?
public-lost-link = Lien perdu ?
public-share = Partager cette offre
public-share-email = E-mail
public-link = Lien :
public-place-remote = Télétravail
public-place-remote-regions = Télétravail ({ $regions })
public-place-hybrid = Hybride, { $location }
public-employment-full-time = Temps plein
public-employment-part-time = Temps partiel
public-employment-contractor = Indépendant
public-employment-temporary = CDD
public-employment-intern = Stage
public-channel-email = E-mail
public-channel-live-chat = Chat en direct
public-channel-phone = Téléphone
public-channel-video-call = Appels vidéo
public-channel-slack = Slack
public-channel-social-media = Réseaux sociaux
public-channel-community-forum = Forum communautaire
public-salary-year = par an
public-salary-month = par mois
public-salary-hour = de l’heure
public-section-typical-day = Une journée type
public-section-technical = Le côté technique
public-section-looking-for = Qui nous cherchons
public-section-company-culture = Qui nous sommes
public-section-how-to-apply = Comment postuler

# Les morceaux de formulaires
partial-error = Erreur :
partial-advice = Conseil : { $note }
partial-errors-heading = { $count ->
    [one] Corrigez ce problème
   *[other] Corrigez ces { $count } problèmes
  }
partial-errors-nothing-saved = Rien n’a encore été enregistré.
partial-resend-email = L’adresse e-mail de votre candidature
partial-resend-button = M’envoyer un nouveau lien

# Les pages d’erreur
error-see-open-jobs = Voir les offres ouvertes
error-session-title = Ouvrez votre lien personnel
error-session-body = Pour voir vos questions et où en est votre candidature, ouvrez le lien personnel que nous vous avons envoyé par e-mail. Si vous ne le trouvez plus, revenez à la page de l’offre et demandez-en un nouveau.
error-not-found-title = Page introuvable
error-not-found-body = Nous n’avons pas trouvé cette page. Elle a peut-être été déplacée, ou l’adresse contient une faute de frappe.
error-forbidden-title = Accès refusé
error-forbidden-body = Votre compte ne peut pas ouvrir cette page. Demandez au propriétaire de ce Rapport si vous en avez besoin.
error-csrf-title = Veuillez réessayer
error-csrf-body = Ce formulaire a expiré ou ne vient pas de ce site, donc rien n’a été modifié. Revenez en arrière, rechargez la page et envoyez-le de nouveau.
error-bad-request-title = Quelque chose ne va pas
error-too-many-title = Trop de tentatives
error-conflict-title = Quelqu’un a agi avant vous
error-media-title = Ce formulaire n’a pas pu être lu

# web/forms.rs: forms of candidate pages too
error-form-not-urlencoded = Cette adresse attend un formulaire web (application/x-www-form-urlencoded) ; rien n’a été modifié.
error-form-not-multipart = Ce formulaire s’envoie en multipart/form-data ; rien n’a été modifié.
error-form-unreadable = Le formulaire n’a pas pu être lu : { $detail }
# web/public/
public-feed-title = Offres d’emploi chez { $company }
cand-language-unknown = Langue inconnue
error-internal-title = Une erreur est survenue
error-internal-body = Une erreur est survenue de notre côté et rien n’a été modifié. Veuillez réessayer dans un instant.
error-timeout-title = Cela a pris trop de temps
error-timeout-body = Votre navigateur a cessé d’envoyer le formulaire avant la fin, donc rien n’a été enregistré. Vérifiez votre connexion, puis envoyez-le à nouveau.

cand-autosave-saved = Enregistré à { $time }.
cand-autosave-sent = Ces réponses ont déjà été envoyées.
cand-autosave-retry = Pas encore enregistré : nous allons réessayer. Votre texte est toujours là.
cand-autosave-offline = Hors ligne : pas encore enregistré. Votre texte est toujours là ; nous réessaierons.

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

# flows/subject_access.rs, flows/closing.rs et flows/interviews.rs
cand-export-about = Tout ce que cette équipe de recrutement détient à votre sujet pour cette candidature, à la date indiquée ci-dessous.
email-close-reason-filled = Ce poste est désormais pourvu.
email-close-reason-cancelled = Nous ne recrutons plus pour ce poste.
email-interview-ics-summary = { $company } : entretien pour { $title }
email-interview-ics-description = Une conversation avec { $company } au sujet du poste { $title }

# end of emails

