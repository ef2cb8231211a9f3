// All UI strings, French and English. Status messages themselves come from the server's `message`
// in the chosen language; this table only holds the app's own words.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ErrorCategory, Language } from './types';

const fr = {
  'app.name': 'ReelForge',
  'nav.create': 'Créer',
  'nav.library': 'Bibliothèque',
  'nav.logout': 'Déconnexion',
  'nav.account': 'Compte',
  'account.title': 'Mon compte',
  'account.signedInAs': 'Connecté en tant que {user} ({role}).',
  'account.changePassword': 'Changer de mot de passe',
  'account.current': 'Mot de passe actuel',
  'account.new': 'Nouveau mot de passe',
  'account.again': 'Nouveau mot de passe, encore',
  'account.submit': 'Changer le mot de passe',
  'account.changed': 'Mot de passe changé. Vos autres sessions se fermeront d’ici 15 minutes.',
  'account.wrongCurrent': 'Le mot de passe actuel ne correspond pas.',
  'account.tooShort': 'Le nouveau mot de passe doit faire de 8 à 200 caractères.',
  'account.mismatch': 'Les deux saisies diffèrent.',
  'nav.language': 'Langue',

  'login.title': 'Connexion',
  'login.username': "Nom d'utilisateur",
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.failed': 'Identifiants incorrects.',
  'login.throttled': 'Trop de tentatives échouées pour ce compte. Réessayez dans {m} min.',
  'login.expired': 'Votre session a expiré. Reconnectez-vous.',

  'create.title': 'Nouvelle vidéo',
  'create.theme': 'Thème',
  'create.theme.placeholder': 'Ex. : Intelligence artificielle',
  'create.duration': 'Durée cible',
  'create.style': 'Style',
  'create.language': 'Langue de la vidéo',
  'create.mode': 'Mode',
  'create.strategy': 'Stratégie des clips',
  'create.budget': 'Budget max (USD, optionnel)',
  'create.mode.hint.native_audio': 'Le modèle vidéo génère aussi la voix de chaque clip.',
  'create.mode.hint.narrated': 'Script adapté, voix off synthétisée, puis clips muets.',
  'create.strategy.hint.parallel': 'Tous les blocs sont générés en même temps (plus rapide).',
  'create.strategy.hint.extend': 'Chaque bloc prolonge le précédent (continuité visuelle, plus lent).',
  'create.submit': 'Générer la vidéo',
  'create.estimate': 'Coût estimé : {usd} $',
  'create.estimateUnpriced': '(sans prix connu pour {keys})',
  'create.submitting': 'Envoi…',
  'create.ownScript': 'Utiliser mon propre script',
  'create.script.title': 'Titre du script',
  'create.script.styleGuide': 'Guide de style (personnages, décor, palette, ton)',
  'create.script.blocks': 'Blocs',
  'create.script.block': 'Bloc {n}',
  'create.script.addBlock': 'Ajouter un bloc',
  'create.script.removeBlock': 'Supprimer le bloc {n}',
  'create.script.duration': 'Durée',
  'create.script.visualPrompt': 'Prompt visuel',
  'create.script.spokenText': 'Texte parlé',
  'create.script.onScreenText': "Texte à l'écran (optionnel)",
  'create.script.total': 'Total des blocs : {total} s pour une cible de {target} s',
  'create.script.useTotal': 'Prendre {total} s comme durée cible',
  'create.tooManyRequests': 'Trop de demandes. Réessayez dans {s} s.',
  'create.tooManyRequestsNoDelay': 'Trop de demandes. Réessayez dans un instant.',

  'style.informative': 'Informatif',
  'style.storytelling': 'Narratif',
  'style.humorous': 'Humoristique',
  'style.dramatic': 'Dramatique',
  'style.educational': 'Éducatif',
  'lang.fr': 'Français',
  'lang.en': 'Anglais',
  'mode.native_audio': 'Audio natif',
  'mode.narrated': 'Voix off',
  'strategy.parallel': 'Parallèle',
  'strategy.extend': 'Prolongement',

  'validation.required': 'Obligatoire.',
  'validation.theme': 'Le thème doit faire 1 à 200 caractères.',
  'validation.duration': 'La durée doit être entre 8 et 180 s.',
  'validation.tooLong': 'Au plus {max} caractères.',
  'validation.blocksTotal': 'Les blocs totalisent {total} s : ils doivent être à 8 s près de la cible ({target} s).',
  'validation.blocksCount': 'Entre 1 et 45 blocs.',
  'validation.budget': 'Le budget doit être un nombre positif.',
  'validation.fix': 'Corrigez les champs signalés.',

  'progress.title': 'Génération',
  'progress.loading': 'Chargement…',
  'progress.notFound': 'Vidéo introuvable.',
  'progress.elapsed': 'Temps écoulé',
  'progress.remaining': 'Temps restant estimé',
  'progress.remaining.unknown': '—',
  'progress.blocks': 'Blocs ({done}/{total})',
  'progress.noBlocks': 'Le script n’est pas encore écrit.',
  'progress.retries': 'Relances : {n}',
  'progress.submissions': 'Soumissions : {n}',
  'progress.live.websocket': 'En direct (WebSocket)',
  'progress.live.sse': 'En direct (SSE)',
  'progress.live.polling': 'Actualisation toutes les 3 s',
  'progress.live.connecting': 'Connexion…',
  'progress.live.idle': 'Terminé',
  'progress.live.reconnecting': 'Reconnexion…',
  'progress.costs': 'Coûts',
  'progress.costs.spent': 'Dépensé',
  'progress.costs.estimate': 'Estimation',
  'progress.costs.saved': 'Économisé (reprise)',
  'progress.costs.budget': 'Budget',
  'progress.costs.calls': 'Appels',
  'progress.events': 'Journal',
  'progress.files': 'Fichiers',
  'progress.watch': 'Voir dans la bibliothèque',
  'progress.attempts': 'Tentatives : {n}',
  'progress.details': 'Détail',
  'progress.lastError': 'Dernière erreur',
  'progress.assembly': 'Assemblage : {found}/{expected} clips trouvés',

  'step.script': 'Script',
  'step.adapt': 'Adaptation',
  'step.audio': 'Voix off',
  'step.clips': 'Clips',
  'step.assembly': 'Assemblage',

  'clip.waiting': 'En attente',
  'clip.submitting': 'Envoi',
  'clip.pending': 'En cours',
  'clip.success': 'Prêt',
  'clip.failed': 'Échec',
  'clip.abandoned': 'Abandonné',

  'action.retry': 'Réessayer',
  'action.cancel': 'Annuler la génération',
  'action.resetClip': 'Relancer le clip',
  'action.regenerate': 'Régénérer le bloc',
  'action.delete': 'Supprimer',
  'action.download': 'Télécharger',
  'action.newTheme': 'Essayer un autre thème',
  'action.shorter': 'Recommencer plus court ({s} s)',
  'action.close': 'Fermer',
  'action.confirm': 'Confirmer',
  'action.back': 'Retour',
  'action.details': 'Voir la génération',
  'confirm.cancel': 'Annuler la génération de cette vidéo ? Les clips déjà payés sont conservés.',
  'confirm.regenerate': 'Régénérer le bloc {n} ? Cela relance une génération payante.',
  'confirm.delete': 'Supprimer définitivement cette vidéo et ses fichiers ?',
  'confirm.reset': 'Relancer le clip du bloc {n} ?',
  'error.deleteRunning': 'La vidéo est en cours : annulez-la avant de la supprimer.',
  'error.network': 'Serveur injoignable. Nouvelle tentative automatique…',
  'error.generic': 'Une erreur est survenue.',

  'errorCategory.usage_guidelines':
    'Le contenu demandé ne respecte pas les règles de sécurité. Essayez un thème différent.',
  'errorCategory.third_party_content':
    'Impossible de générer du contenu protégé par copyright. Évitez les personnages/marques connus.',
  'errorCategory.quota_exceeded': 'Quota API dépassé. Réessayez dans quelques minutes.',
  'errorCategory.operation_timeout': 'La génération a pris trop de temps. Réessayez avec une durée plus courte.',
  'errorCategory.assembly_failed': "Erreur lors de l'assemblage de la vidéo. Contactez le support.",
  'errorCategory.budget_exceeded':
    'Budget de la vidéo atteint : la génération a été arrêtée avant de dépasser la limite.',
  'errorCategory.no_clips': "Aucun clip n'a pu être généré. Réessayez ou changez de thème.",
  'errorCategory.default': 'Une erreur est survenue. Veuillez réessayer.',

  'library.title': 'Bibliothèque',
  'library.filter': 'Statut',
  'library.all': 'Tous',
  'library.empty': 'Aucune vidéo pour le moment.',
  'library.create': 'Créer une vidéo',
  'library.prev': 'Précédent',
  'library.next': 'Suivant',
  'library.page': 'Page {page} — {total} vidéo(s)',
  'library.noThumbnail': 'Pas d’aperçu',

  'status.queued': 'En file',
  'status.script_generated': 'Script prêt',
  'status.generating_clips': 'Clips en cours',
  'status.ready_for_assembly': 'Prête à assembler',
  'status.assembling': 'Assemblage',
  'status.completed': 'Terminée',
  'status.failed': 'Échec',
  'status.cancelled': 'Annulée',

  'notFound.title': 'Page introuvable',
  'time.s': '{n} s',
  'time.min': '{m} min {s} s',
  'time.h': '{h} h {m} min',
};

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'app.name': 'ReelForge',
  'nav.create': 'Create',
  'nav.library': 'Library',
  'nav.logout': 'Log out',
  'nav.account': 'Account',
  'account.title': 'My account',
  'account.signedInAs': 'Signed in as {user} ({role}).',
  'account.changePassword': 'Change password',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.again': 'New password, again',
  'account.submit': 'Change password',
  'account.changed': 'Password changed. Your other sessions will end within 15 minutes.',
  'account.wrongCurrent': 'The current password does not match.',
  'account.tooShort': 'The new password must be 8 to 200 characters.',
  'account.mismatch': 'The two entries differ.',
  'nav.language': 'Language',

  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Wrong username or password.',
  'login.throttled': 'Too many failed attempts for this account. Try again in {m} min.',
  'login.expired': 'Your session has expired. Please log in again.',

  'create.title': 'New video',
  'create.theme': 'Theme',
  'create.theme.placeholder': 'e.g. Artificial intelligence',
  'create.duration': 'Target duration',
  'create.style': 'Style',
  'create.language': 'Video language',
  'create.mode': 'Mode',
  'create.strategy': 'Clip strategy',
  'create.budget': 'Max budget (USD, optional)',
  'create.mode.hint.native_audio': 'The video model also generates each clip’s voice.',
  'create.mode.hint.narrated': 'Adapted script, synthesized voice-over, then silent clips.',
  'create.strategy.hint.parallel': 'All blocks are generated at once (faster).',
  'create.strategy.hint.extend': 'Each block extends the previous one (visual continuity, slower).',
  'create.submit': 'Generate video',
  'create.estimate': 'Estimated cost: ${usd}',
  'create.estimateUnpriced': '(no known price for {keys})',
  'create.submitting': 'Sending…',
  'create.ownScript': 'Use my own script',
  'create.script.title': 'Script title',
  'create.script.styleGuide': 'Style guide (characters, setting, palette, tone)',
  'create.script.blocks': 'Blocks',
  'create.script.block': 'Block {n}',
  'create.script.addBlock': 'Add a block',
  'create.script.removeBlock': 'Remove block {n}',
  'create.script.duration': 'Duration',
  'create.script.visualPrompt': 'Visual prompt',
  'create.script.spokenText': 'Spoken text',
  'create.script.onScreenText': 'On-screen text (optional)',
  'create.script.total': 'Blocks total: {total} s for a target of {target} s',
  'create.script.useTotal': 'Use {total} s as target duration',
  'create.tooManyRequests': 'Too many requests. Try again in {s} s.',
  'create.tooManyRequestsNoDelay': 'Too many requests. Try again shortly.',

  'style.informative': 'Informative',
  'style.storytelling': 'Storytelling',
  'style.humorous': 'Humorous',
  'style.dramatic': 'Dramatic',
  'style.educational': 'Educational',
  'lang.fr': 'French',
  'lang.en': 'English',
  'mode.native_audio': 'Native audio',
  'mode.narrated': 'Narrated (voice-over)',
  'strategy.parallel': 'Parallel',
  'strategy.extend': 'Extend',

  'validation.required': 'Required.',
  'validation.theme': 'The theme must be 1 to 200 characters.',
  'validation.duration': 'The duration must be between 8 and 180 s.',
  'validation.tooLong': 'At most {max} characters.',
  'validation.blocksTotal': 'Blocks add up to {total} s: they must be within 8 s of the target ({target} s).',
  'validation.blocksCount': 'Between 1 and 45 blocks.',
  'validation.budget': 'The budget must be a positive number.',
  'validation.fix': 'Please fix the highlighted fields.',

  'progress.title': 'Generation',
  'progress.loading': 'Loading…',
  'progress.notFound': 'Video not found.',
  'progress.elapsed': 'Elapsed',
  'progress.remaining': 'Estimated time left',
  'progress.remaining.unknown': '—',
  'progress.blocks': 'Blocks ({done}/{total})',
  'progress.noBlocks': 'The script is not written yet.',
  'progress.retries': 'Retries: {n}',
  'progress.submissions': 'Submissions: {n}',
  'progress.live.websocket': 'Live (WebSocket)',
  'progress.live.sse': 'Live (SSE)',
  'progress.live.polling': 'Refreshing every 3 s',
  'progress.live.connecting': 'Connecting…',
  'progress.live.idle': 'Finished',
  'progress.live.reconnecting': 'Reconnecting…',
  'progress.costs': 'Costs',
  'progress.costs.spent': 'Spent',
  'progress.costs.estimate': 'Estimate',
  'progress.costs.saved': 'Saved (resume)',
  'progress.costs.budget': 'Budget',
  'progress.costs.calls': 'Calls',
  'progress.events': 'Log',
  'progress.files': 'Files',
  'progress.watch': 'Watch in library',
  'progress.attempts': 'Attempts: {n}',
  'progress.details': 'Details',
  'progress.lastError': 'Last error',
  'progress.assembly': 'Assembly: {found}/{expected} clips found',

  'step.script': 'Script',
  'step.adapt': 'Adapt',
  'step.audio': 'Voice-over',
  'step.clips': 'Clips',
  'step.assembly': 'Assembly',

  'clip.waiting': 'Waiting',
  'clip.submitting': 'Submitting',
  'clip.pending': 'Rendering',
  'clip.success': 'Ready',
  'clip.failed': 'Failed',
  'clip.abandoned': 'Abandoned',

  'action.retry': 'Retry',
  'action.cancel': 'Cancel generation',
  'action.resetClip': 'Reset clip',
  'action.regenerate': 'Regenerate block',
  'action.delete': 'Delete',
  'action.download': 'Download',
  'action.newTheme': 'Try another theme',
  'action.shorter': 'Start again shorter ({s} s)',
  'action.close': 'Close',
  'action.confirm': 'Confirm',
  'action.back': 'Back',
  'action.details': 'View generation',
  'confirm.cancel': 'Cancel this video’s generation? Clips already paid for are kept.',
  'confirm.regenerate': 'Regenerate block {n}? This starts a new paid generation.',
  'confirm.delete': 'Delete this video and its files for good?',
  'confirm.reset': 'Reset the clip of block {n}?',
  'error.deleteRunning': 'The video is still running: cancel it before deleting it.',
  'error.network': 'Server unreachable. Retrying automatically…',
  'error.generic': 'Something went wrong.',

  'errorCategory.usage_guidelines': 'The requested content does not meet the safety rules. Try a different theme.',
  'errorCategory.third_party_content': 'Copyrighted content cannot be generated. Avoid well-known characters and brands.',
  'errorCategory.quota_exceeded': 'API quota exceeded. Try again in a few minutes.',
  'errorCategory.operation_timeout': 'Generation took too long. Try again with a shorter duration.',
  'errorCategory.assembly_failed': 'The video could not be assembled. Contact support.',
  'errorCategory.budget_exceeded': 'The video’s budget is reached: generation stopped before overspending.',
  'errorCategory.no_clips': 'No clip could be generated. Retry or change the theme.',
  'errorCategory.default': 'An error occurred. Please try again.',

  'library.title': 'Library',
  'library.filter': 'Status',
  'library.all': 'All',
  'library.empty': 'No videos yet.',
  'library.create': 'Create a video',
  'library.prev': 'Previous',
  'library.next': 'Next',
  'library.page': 'Page {page} — {total} video(s)',
  'library.noThumbnail': 'No preview',

  'status.queued': 'Queued',
  'status.script_generated': 'Script ready',
  'status.generating_clips': 'Generating clips',
  'status.ready_for_assembly': 'Ready to assemble',
  'status.assembling': 'Assembling',
  'status.completed': 'Completed',
  'status.failed': 'Failed',
  'status.cancelled': 'Cancelled',

  'notFound.title': 'Page not found',
  'time.s': '{n} s',
  'time.min': '{m} min {s} s',
  'time.h': '{h} h {m} min',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { fr, en };

export const LANG_KEY = 'reelforge.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function errorCategoryKey(category: ErrorCategory | null | undefined): MessageKey {
  const known: ErrorCategory[] = [
    'usage_guidelines',
    'third_party_content',
    'quota_exceeded',
    'operation_timeout',
    'assembly_failed',
    'budget_exceeded',
    'no_clips',
  ];
  return category && known.includes(category) ? (`errorCategory.${category}` as MessageKey) : 'errorCategory.default';
}

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    /* no storage */
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : '';
  return nav.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? initialLanguage());
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      /* no storage */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
