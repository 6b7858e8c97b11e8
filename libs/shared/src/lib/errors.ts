import { Language, Localized } from './languages';

/**
 * Every error the API can answer with. The API maps each code to one HTTP status in one place;
 * the web app shows the same text, so both sides use this catalogue.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: {
    en: 'Some fields are not valid.',
    fi: 'Osa kentistä ei ole kelvollisia.',
    sv: 'Några fält är inte giltiga.',
  },
  MALFORMED_JSON: {
    en: 'The request body is not valid JSON.',
    fi: 'Pyynnön sisältö ei ole kelvollista JSONia.',
    sv: 'Begärans innehåll är inte giltig JSON.',
  },
  BODY_TOO_DEEP: {
    en: 'The request body is nested too deeply (at most {limit} levels).',
    fi: 'Pyynnön sisältö on sisäkkäistetty liian syvälle (enintään {limit} tasoa).',
    sv: 'Begärans innehåll är för djupt nästlat (högst {limit} nivåer).',
  },
  BODY_TOO_LARGE: {
    en: 'The request is too large (at most {limit}).',
    fi: 'Pyyntö on liian suuri (enintään {limit}).',
    sv: 'Begäran är för stor (högst {limit}).',
  },
  NOT_SIGNED_IN: {
    en: 'Please sign in.',
    fi: 'Kirjaudu sisään.',
    sv: 'Logga in.',
  },
  INVALID_CREDENTIALS: {
    en: 'The email address or password is wrong.',
    fi: 'Sähköpostiosoite tai salasana on väärin.',
    sv: 'E-postadressen eller lösenordet är fel.',
  },
  TOO_MANY_ATTEMPTS: {
    en: 'Too many failed sign-in attempts. Try again in {minutes} min.',
    fi: 'Liian monta epäonnistunutta kirjautumisyritystä. Yritä uudelleen {minutes} min kuluttua.',
    sv: 'För många misslyckade inloggningsförsök. Försök igen om {minutes} min.',
  },
  FORBIDDEN: {
    en: 'You do not have permission to do this.',
    fi: 'Sinulla ei ole oikeutta tähän toimintoon.',
    sv: 'Du har inte behörighet till detta.',
  },
  CSRF_FAILED: {
    en: 'The request could not be verified. Reload the page and try again.',
    fi: 'Pyyntöä ei voitu varmentaa. Lataa sivu uudelleen ja yritä uudestaan.',
    sv: 'Begäran kunde inte verifieras. Ladda om sidan och försök igen.',
  },
  NOT_FOUND: {
    en: 'The requested item was not found.',
    fi: 'Pyydettyä kohdetta ei löytynyt.',
    sv: 'Det begärda objektet hittades inte.',
  },
  CONFLICT: {
    en: 'The item was changed or already exists. Reload and try again.',
    fi: 'Kohdetta on muutettu tai se on jo olemassa. Lataa uudelleen ja yritä uudestaan.',
    sv: 'Objektet har ändrats eller finns redan. Ladda om och försök igen.',
  },
  PRODUCER_NAME_TAKEN: {
    en: 'The organiser already has a producer with this name.',
    fi: 'Järjestäjällä on jo tämänniminen palveluntuottaja.',
    sv: 'Anordnaren har redan en serviceproducent med detta namn.',
  },
  CONTRACT_NUMBER_TAKEN: {
    en: 'The contract number {number} is already in use.',
    fi: 'Sopimusnumero {number} on jo käytössä.',
    sv: 'Avtalsnumret {number} används redan.',
  },
  ILLEGAL_TRANSITION: {
    en: 'This step is not possible from the current status. Reload to see where things stand.',
    fi: 'Tämä vaihe ei ole mahdollinen nykyisestä tilasta. Lataa sivu uudelleen nähdäksesi tilanteen.',
    sv: 'Detta steg är inte möjligt från nuvarande status. Ladda om för att se läget.',
  },
  CONTRACT_CLOSED: {
    en: 'The contract has ended and can no longer be changed.',
    fi: 'Sopimus on päättynyt, eikä sitä voi enää muuttaa.',
    sv: 'Avtalet har upphört och kan inte längre ändras.',
  },
  UNSUPPORTED_DOCUMENT: {
    en: 'Only PDF, DOCX and XLSX documents can be attached, and the file name must match the content.',
    fi: 'Liitteeksi käyvät vain PDF-, DOCX- ja XLSX-tiedostot, ja tiedostonimen on vastattava sisältöä.',
    sv: 'Endast PDF-, DOCX- och XLSX-dokument kan bifogas, och filnamnet måste motsvara innehållet.',
  },
  EMAIL_TAKEN: {
    en: 'A user with this email address already exists.',
    fi: 'Tällä sähköpostiosoitteella on jo käyttäjä.',
    sv: 'Det finns redan en användare med den här e-postadressen.',
  },
  PRODUCER_REQUIRED: {
    en: 'A provider reporter must belong to a producer.',
    fi: 'Palveluntuottajan raportoijan on kuuluttava palveluntuottajaan.',
    sv: 'En rapportör för en serviceproducent måste höra till en serviceproducent.',
  },
  PRODUCER_NOT_ALLOWED: {
    en: 'Only a provider reporter belongs to a producer.',
    fi: 'Vain palveluntuottajan raportoija kuuluu palveluntuottajaan.',
    sv: 'Endast en rapportör hör till en serviceproducent.',
  },
  WRONG_CURRENT_PASSWORD: {
    en: 'The current password is wrong.',
    fi: 'Nykyinen salasana on väärin.',
    sv: 'Det nuvarande lösenordet är fel.',
  },
  CANNOT_DEACTIVATE_SELF: {
    en: 'You cannot deactivate or demote your own account.',
    fi: 'Et voi poistaa käytöstä tai alentaa omaa tiliäsi.',
    sv: 'Du kan inte inaktivera eller nedgradera ditt eget konto.',
  },
  CODE_TAKEN: {
    en: 'The code {code} is already in use. Choose another code.',
    fi: 'Tunnus {code} on jo käytössä. Valitse toinen tunnus.',
    sv: 'Koden {code} används redan. Välj en annan kod.',
  },
  DRAFT_EXISTS: {
    en: 'A draft version already exists. Edit the draft instead of making another one.',
    fi: 'Luonnosversio on jo olemassa. Muokkaa luonnosta uuden tekemisen sijaan.',
    sv: 'Det finns redan en utkastversion. Redigera utkastet i stället för att skapa ett nytt.',
  },
  VERSION_RETIRED: {
    en: 'This version is no longer in use and cannot be changed. Edit the latest version.',
    fi: 'Tämä versio ei ole enää käytössä eikä sitä voi muuttaa. Muokkaa uusinta versiota.',
    sv: 'Den här versionen används inte längre och kan inte ändras. Redigera den senaste versionen.',
  },
  TERMS_FROZEN: {
    en: 'Published monitoring terms are frozen and cannot be changed. Make a new version instead.',
    fi: 'Julkaistut seurantaehdot on lukittu eikä niitä voi muuttaa. Tee niistä uusi versio.',
    sv: 'Publicerade uppföljningsvillkor är låsta och kan inte ändras. Skapa en ny version i stället.',
  },
  ALREADY_PUBLISHED: {
    en: 'This version has already been published.',
    fi: 'Tämä versio on jo julkaistu.',
    sv: 'Den här versionen har redan publicerats.',
  },
  VALID_FROM_TAKEN: {
    en: 'Another published version of these terms is already valid from {validFrom}. Choose another date.',
    fi: 'Seurantaehtojen toinen julkaistu versio on jo voimassa {validFrom} alkaen. Valitse toinen päivämäärä.',
    sv: 'En annan publicerad version av villkoren gäller redan från {validFrom}. Välj ett annat datum.',
  },
  CRITERION_IN_USE: {
    en: 'The criterion is used in published monitoring terms, so its code, measure type, direction, bounds, decimals and scale cannot change. Texts may be corrected; for a different measure create a new criterion.',
    fi: 'Kriteeriä käytetään julkaistuissa seurantaehdoissa, joten sen tunnusta, mittaustapaa, suuntaa, rajoja, desimaaleja ja asteikkoa ei voi muuttaa. Tekstejä voi korjata; toisenlaista mittaria varten luo uusi kriteeri.',
    sv: 'Kriteriet används i publicerade uppföljningsvillkor, så dess kod, mättyp, riktning, gränser, decimaler och skala kan inte ändras. Texterna får rättas; skapa ett nytt kriterium för ett annat mått.',
  },
  STALE_DRAFT: {
    en: 'Someone else saved this report after you opened it (version {current}). Reload to see their changes.',
    fi: 'Joku muu tallensi raportin sen jälkeen, kun avasit sen (versio {current}). Lataa sivu nähdäksesi muutokset.',
    sv: 'Någon annan sparade rapporten efter att du öppnade den (version {current}). Ladda om för att se ändringarna.',
  },
  REPORT_NOT_OPEN: {
    en: 'The report cannot be filled in yet: its period has not begun.',
    fi: 'Raporttia ei voi vielä täyttää: sen kausi ei ole alkanut.',
    sv: 'Rapporten kan inte fyllas i ännu: dess period har inte börjat.',
  },
  REPORT_AWAITING_REVIEW: {
    en: 'The report has been submitted and is waiting for review; it can be changed again if it is returned.',
    fi: 'Raportti on lähetetty ja odottaa tarkastusta; sitä voi muuttaa taas, jos se palautetaan.',
    sv: 'Rapporten har skickats in och väntar på granskning; den kan ändras igen om den returneras.',
  },
  REPORT_ACCEPTED: {
    en: 'The report has been accepted and is locked. Start a correction to change it; the correction is reviewed again.',
    fi: 'Raportti on hyväksytty ja lukittu. Aloita korjaus muuttaaksesi sitä; korjaus tarkastetaan uudelleen.',
    sv: 'Rapporten har godkänts och är låst. Påbörja en rättelse för att ändra den; rättelsen granskas på nytt.',
  },
  REPORT_INCOMPLETE: {
    en: 'The report cannot be submitted yet: correct the values listed.',
    fi: 'Raporttia ei voi vielä lähettää: korjaa luetellut arvot.',
    sv: 'Rapporten kan inte skickas ännu: rätta de angivna värdena.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    en: 'This Idempotency-Key was already used for another request.',
    fi: 'Tämä Idempotency-Key on jo käytetty toiseen pyyntöön.',
    sv: 'Denna Idempotency-Key har redan använts för en annan begäran.',
  },
  NOT_REVIEWABLE: {
    en: 'Only a submitted report can be reviewed.',
    fi: 'Vain lähetetyn raportin voi tarkastaa.',
    sv: 'Endast en inskickad rapport kan granskas.',
  },
  STALE_VERSION: {
    en: 'Someone else changed this after you opened it (version {current}). Reload to see the change.',
    fi: 'Joku muu muutti tätä sen jälkeen, kun avasit sen (versio {current}). Lataa sivu nähdäksesi muutoksen.',
    sv: 'Någon annan ändrade detta efter att du öppnade det (version {current}). Ladda om för att se ändringen.',
  },
  ACTION_EXISTS: {
    en: 'This deviation already has a corrective action.',
    fi: 'Tällä poikkeamalla on jo korjaava toimenpide.',
    sv: 'Den här avvikelsen har redan en korrigerande åtgärd.',
  },
  ACTION_NOT_CLOSABLE: {
    en: 'The corrective action can be closed only with a later report that no longer shows the deviation, or with a written reason.',
    fi: 'Korjaavan toimenpiteen voi sulkea vain myöhemmällä raportilla, jossa poikkeamaa ei enää ole, tai kirjallisella perustelulla.',
    sv: 'Den korrigerande åtgärden kan stängas endast med en senare rapport som inte längre visar avvikelsen, eller med en skriftlig motivering.',
  },
  PUBLISH_INCOMPLETE: {
    en: 'This cannot be published yet: complete the fields listed.',
    fi: 'Tätä ei voi vielä julkaista: täydennä luetellut kentät.',
    sv: 'Detta kan inte publiceras ännu: komplettera de angivna fälten.',
  },
  RULE_VIOLATION: {
    en: 'The values do not fit together. See the fields listed.',
    fi: 'Arvot eivät sovi yhteen. Katso luetellut kentät.',
    sv: 'Värdena passar inte ihop. Se de angivna fälten.',
  },
  UNSUPPORTED_SHEET: {
    en: 'The file is not a spreadsheet Sopu can read. Upload the report template as XLSX, or as CSV saved as UTF-8 text.',
    fi: 'Tiedosto ei ole Sopun luettavissa oleva taulukko. Lataa raporttipohja XLSX-muodossa tai CSV-muodossa UTF-8-tekstinä tallennettuna.',
    sv: 'Filen är inte ett kalkylblad som Sopu kan läsa. Ladda upp rapportmallen som XLSX, eller som CSV sparad som UTF-8-text.',
  },
  SHEET_INVALID: {
    en: 'The sheet has {count} problem(s) and nothing was saved. Correct the rows listed and upload it again.',
    fi: 'Taulukossa on {count} ongelmaa, eikä mitään tallennettu. Korjaa luetellut rivit ja lataa taulukko uudelleen.',
    sv: 'Kalkylbladet har {count} problem och inget sparades. Rätta de angivna raderna och ladda upp det igen.',
  },
  DATABASE_UNAVAILABLE: {
    en: 'The service is temporarily unavailable. Try again shortly.',
    fi: 'Palvelu ei ole hetkeen käytettävissä. Yritä pian uudelleen.',
    sv: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
  },
  INTERNAL: {
    en: 'Something went wrong on our side. The error has been logged.',
    fi: 'Palvelussa tapahtui virhe. Virhe on kirjattu.',
    sv: 'Något gick fel hos oss. Felet har loggats.',
  },
} satisfies Record<string, Localized>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Why a single field was refused: the constraint names of class-validator plus our own. */
export const FIELD_MESSAGES = {
  unknownField: { en: 'is not a known field', fi: 'ei ole tunnettu kenttä', sv: 'är inte ett känt fält' },
  isNotEmpty: { en: 'is required', fi: 'on pakollinen', sv: 'är obligatoriskt' },
  isDefined: { en: 'is required', fi: 'on pakollinen', sv: 'är obligatoriskt' },
  isString: { en: 'must be text', fi: 'on oltava tekstiä', sv: 'måste vara text' },
  isEmail: {
    en: 'must be an email address',
    fi: 'on oltava sähköpostiosoite',
    sv: 'måste vara en e-postadress',
  },
  isBoolean: {
    en: 'must be true or false',
    fi: 'on oltava tosi tai epätosi',
    sv: 'måste vara sant eller falskt',
  },
  isInt: { en: 'must be a whole number', fi: 'on oltava kokonaisluku', sv: 'måste vara ett heltal' },
  isUuid: {
    en: 'must be an identifier (UUID)',
    fi: 'on oltava tunniste (UUID)',
    sv: 'måste vara en identifierare (UUID)',
  },
  isIn: {
    en: 'must be one of: {values}',
    fi: 'on oltava jokin näistä: {values}',
    sv: 'måste vara något av: {values}',
  },
  minLength: {
    en: 'must be at least {min} characters',
    fi: 'on oltava vähintään {min} merkkiä',
    sv: 'måste vara minst {min} tecken',
  },
  maxLength: {
    en: 'must be at most {max} characters',
    fi: 'saa olla enintään {max} merkkiä',
    sv: 'får vara högst {max} tecken',
  },
  min: { en: 'must be at least {min}', fi: 'on oltava vähintään {min}', sv: 'måste vara minst {min}' },
  max: { en: 'must be at most {max}', fi: 'saa olla enintään {max}', sv: 'får vara högst {max}' },
  noControlCharacters: {
    en: 'must not contain control characters',
    fi: 'ei saa sisältää ohjausmerkkejä',
    sv: 'får inte innehålla kontrolltecken',
  },
  malformedText: {
    en: 'contains a broken character (a lone UTF-16 surrogate)',
    fi: 'sisältää rikkinäisen merkin (pariton UTF-16-korvausmerkki)',
    sv: 'innehåller ett trasigt tecken (ett ensamt UTF-16-surrogat)',
  },
  isObject: { en: 'must be an object', fi: 'on oltava objekti', sv: 'måste vara ett objekt' },
  measure: {
    en: 'must be a finite number between -{max} and {max} with at most 6 decimals',
    fi: 'on oltava äärellinen luku väliltä -{max}…{max} ja enintään 6 desimaalia',
    sv: 'måste vara ett ändligt tal mellan -{max} och {max} med högst 6 decimaler',
  },
  duplicate: {
    en: 'appears more than once',
    fi: 'esiintyy useammin kuin kerran',
    sv: 'förekommer mer än en gång',
  },
  notFound: { en: 'was not found', fi: 'ei löytynyt', sv: 'hittades inte' },
  notPublished: {
    en: 'has no published version',
    fi: 'ei ole julkaistua versiota',
    sv: 'har ingen publicerad version',
  },
  mustBeLess: {
    en: 'must be less than {other}',
    fi: 'on oltava pienempi kuin {other}',
    sv: 'måste vara mindre än {other}',
  },
  notAllowed: {
    en: 'does not apply here: leave it empty',
    fi: 'ei koske tätä tapausta: jätä tyhjäksi',
    sv: 'gäller inte här: lämna tomt',
  },
  bandsForNone: {
    en: 'must be empty when the criterion has no direction',
    fi: 'on jätettävä tyhjäksi, kun kriteerillä ei ole suuntaa',
    sv: 'ska lämnas tomt när kriteriet saknar riktning',
  },
  bandsMissing: {
    en: 'needs both a green and an amber band',
    fi: 'tarvitsee sekä vihreän että keltaisen rajan',
    sv: 'behöver både ett grönt och ett gult intervall',
  },
  bandOpenWrongWay: {
    en: 'is open in the wrong direction for the criterion',
    fi: 'on avoin väärään suuntaan kriteerin suuntaan nähden',
    sv: 'är öppet åt fel håll med tanke på kriteriets riktning',
  },
  bandInverted: {
    en: 'has its minimum above its maximum',
    fi: 'alaraja on ylärajaa suurempi',
    sv: 'har sitt minimum över sitt maximum',
  },
  greenOutsideAmber: {
    en: 'must lie inside the amber band',
    fi: 'on oltava keltaisen alueen sisällä',
    sv: 'måste ligga inom det gula intervallet',
  },
  targetOutsideBounds: {
    en: "is outside the criterion's allowed values",
    fi: 'on kriteerin sallittujen arvojen ulkopuolella',
    sv: 'ligger utanför kriteriets tillåtna värden',
  },
  targetNotGreen: {
    en: 'must lie inside the green band',
    fi: 'on oltava vihreän alueen sisällä',
    sv: 'måste ligga inom det gröna intervallet',
  },
  businessId: {
    en: 'is not a valid business ID (format 1234567-8 with the right check digit)',
    fi: 'ei ole kelvollinen Y-tunnus (muoto 1234567-8 ja oikea tarkistusnumero)',
    sv: 'är inte ett giltigt FO-nummer (formen 1234567-8 med rätt kontrollsiffra)',
  },
  ownBusinessIdRequired: {
    en: "must be the organiser's own business ID for in-house production",
    fi: 'on oman tuotannon yksiköllä järjestäjän oma Y-tunnus',
    sv: 'ska för egen produktion vara anordnarens eget FO-nummer',
  },
  kindMismatch: {
    en: "does not fit the producer's type: in-house units have in-house service agreements, purchased-service providers purchase contracts and voucher providers voucher approvals",
    fi: 'ei sovi palveluntuottajan tyyppiin: omalla tuotannolla on sisäinen palvelusopimus, ostopalvelun tuottajalla ostopalvelusopimus ja palvelusetelituottajalla hyväksymispäätös',
    sv: 'passar inte serviceproducentens typ: egen produktion har internt serviceavtal, köpta tjänster köpeavtal och servicesedelproducenter godkännande',
  },
  termsNotOfService: {
    en: 'must be a published version of the monitoring terms of this service',
    fi: 'on oltava tämän palvelun seurantaehtojen julkaistu versio',
    sv: 'måste vara en publicerad version av uppföljningsvillkoren för denna tjänst',
  },
  unitNotOfProducer: {
    en: "must be one of the producer's own service units",
    fi: 'on oltava palveluntuottajan oma toimipiste',
    sv: 'måste vara ett av serviceproducentens egna verksamhetsställen',
  },
  notContractManager: {
    en: 'must be an active contract manager of the organiser',
    fi: 'on oltava järjestäjän aktiivinen sopimusvastaava',
    sv: 'måste vara en aktiv avtalsansvarig hos anordnaren',
  },
  endBeforeStart: {
    en: 'must not be before the start date',
    fi: 'ei saa olla ennen alkamispäivää',
    sv: 'får inte vara före startdatumet',
  },
  cannotRemove: {
    en: 'cannot be removed from an active contract; end or amend it instead',
    fi: 'ei voi poistaa voimassa olevasta sopimuksesta; päätä tai muuta sopimusta',
    sv: 'kan inte tas bort från ett gällande avtal; avsluta eller ändra avtalet i stället',
  },
  isoDate: {
    en: 'must be a date that exists, written YYYY-MM-DD',
    fi: 'on oltava olemassa oleva päivämäärä muodossa VVVV-KK-PP',
    sv: 'måste vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD',
  },
  postalCode: {
    en: 'must be a Finnish postal code of five digits',
    fi: 'on oltava viisinumeroinen postinumero',
    sv: 'måste vara ett postnummer med fem siffror',
  },
  taken: {
    en: 'is already in use',
    fi: 'on jo käytössä',
    sv: 'används redan',
  },
  frozenInUse: {
    en: 'cannot change while published monitoring terms use the criterion',
    fi: 'ei voi muuttua, koska julkaistut seurantaehdot käyttävät kriteeriä',
    sv: 'kan inte ändras medan publicerade uppföljningsvillkor använder kriteriet',
  },
  noDirectionForText: {
    en: 'must be "no direction" for a free-text criterion',
    fi: 'on oltava "ei suuntaa" vapaatekstikriteerillä',
    sv: 'måste vara "ingen riktning" för ett fritextkriterium',
  },
  // Reported values (value-validation.ts), the same words in the form and in the API's answer.
  required: { en: 'is required', fi: 'on pakollinen', sv: 'är obligatoriskt' },
  notNumber: { en: 'must be a number', fi: 'on oltava luku', sv: 'måste vara ett tal' },
  tooManyDecimals: {
    en: 'may have at most {max} decimals',
    fi: 'saa sisältää enintään {max} desimaalia',
    sv: 'får ha högst {max} decimaler',
  },
  notWhole: { en: 'must be a whole number', fi: 'on oltava kokonaisluku', sv: 'måste vara ett heltal' },
  negative: { en: 'cannot be negative', fi: 'ei voi olla negatiivinen', sv: 'kan inte vara negativt' },
  belowMin: { en: 'must be at least {min}', fi: 'on oltava vähintään {min}', sv: 'måste vara minst {min}' },
  aboveMax: { en: 'must be at most {max}', fi: 'saa olla enintään {max}', sv: 'får vara högst {max}' },
  numeratorAboveDenominator: {
    en: 'cannot be greater than the denominator',
    fi: 'ei voi olla suurempi kuin nimittäjä',
    sv: 'kan inte vara större än nämnaren',
  },
  denominatorZero: { en: 'cannot be zero', fi: 'ei voi olla nolla', sv: 'kan inte vara noll' },
  outOfScale: {
    en: 'must be on the scale {min}–{max}',
    fi: 'on oltava asteikolla {min}–{max}',
    sv: 'måste vara på skalan {min}–{max}',
  },
  notApplicableNotAllowed: {
    en: 'cannot be marked not applicable for this criterion',
    fi: 'ei voi merkitä ei sovellu -tiedoksi tässä kriteerissä',
    sv: 'kan inte markeras som ej tillämpligt för detta kriterium',
  },
  reasonRequired: {
    en: 'needs a reason when the value is not applicable',
    fi: 'vaatii perustelun, kun tieto ei sovellu',
    sv: 'kräver en motivering när uppgiften inte är tillämplig',
  },
  tooLong: {
    en: 'may be at most {max} characters',
    fi: 'saa olla enintään {max} merkkiä',
    sv: 'får vara högst {max} tecken',
  },
  evidenceRequired: {
    en: 'needs an attached document as evidence',
    fi: 'vaatii liitteeksi asiakirjan todisteeksi',
    sv: 'kräver en bifogad handling som bevis',
  },
  unknownCriterion: {
    en: 'is not a criterion of this report',
    fi: 'ei ole tämän raportin kriteeri',
    sv: 'är inte ett kriterium i denna rapport',
  },
  commentRequired: {
    en: 'is required when returning a report without comments on values',
    fi: 'on pakollinen, kun raportti palautetaan ilman arvokohtaisia kommentteja',
    sv: 'är obligatoriskt när rapporten returneras utan kommentarer till värden',
  },
  // Corrective actions.
  rejectCommentRequired: {
    en: 'is required when rejecting a plan',
    fi: 'on pakollinen, kun suunnitelma hylätään',
    sv: 'är obligatoriskt när en plan avslås',
  },
  closeGroundsRequired: {
    en: 'give a later report that no longer shows the deviation, or a written reason for closing',
    fi: 'anna myöhempi raportti, jossa poikkeamaa ei enää ole, tai kirjallinen perustelu sulkemiselle',
    sv: 'ange en senare rapport som inte längre visar avvikelsen, eller en skriftlig motivering för stängningen',
  },
  notLaterReport: {
    en: 'must be a submitted or accepted report of the same contract and service for a later period',
    fi: 'on oltava saman sopimuksen ja palvelun myöhemmän kauden lähetetty tai hyväksytty raportti',
    sv: 'måste vara en inskickad eller godkänd rapport för samma avtal och tjänst för en senare period',
  },
  deviationRepeats: {
    en: 'shows the same deviation again in its latest revision',
    fi: 'näyttää saman poikkeaman uudelleen viimeisimmässä versiossaan',
    sv: 'visar samma avvikelse igen i sin senaste version',
  },
  criterionNotReported: {
    en: 'does not report a value for {criterion}, so it cannot show that the deviation is fixed',
    fi: 'ei raportoi arvoa kriteerille {criterion}, joten se ei osoita poikkeaman korjautuneen',
    sv: 'rapporterar inget värde för {criterion} och kan därför inte visa att avvikelsen är åtgärdad',
  },
  deviationCleared: {
    en: 'is already cleared by a later revision of its report',
    fi: 'on jo poistunut raportin myöhemmässä versiossa',
    sv: 'har redan försvunnit i en senare version av rapporten',
  },
  beyondCalendar: {
    en: 'reaches past the holiday calendar (until {to})',
    fi: 'ulottuu pyhäpäiväkalenterin ulkopuolelle (kalenteri päättyy {to})',
    sv: 'sträcker sig förbi helgdagskalendern (till {to})',
  },
  actionStatus: {
    en: 'is {status}, and this needs {expected}',
    fi: 'on {status}, ja tämä edellyttää tilaa {expected}',
    sv: 'är {status}, och detta kräver {expected}',
  },
  // Spreadsheet import (row and column of the sheet).
  unknownColumn: {
    en: 'is not a column of the report template',
    fi: 'ei ole raporttipohjan sarake',
    sv: 'är inte en kolumn i rapportmallen',
  },
  missingColumn: {
    en: 'is missing: the sheet needs this column (keep the header row of the template)',
    fi: 'puuttuu: taulukossa on oltava tämä sarake (säilytä pohjan otsikkorivi)',
    sv: 'saknas: kalkylbladet behöver denna kolumn (behåll mallens rubrikrad)',
  },
  duplicateRow: {
    en: 'repeats the report and criterion of row {row}: keep one row for each',
    fi: 'toistaa rivin {row} raportin ja kriteerin: jätä kullekin vain yksi rivi',
    sv: 'upprepar rapporten och kriteriet på rad {row}: behåll en rad för varje',
  },
  notYesNo: {
    en: 'must be yes or no (1/0, yes/no, kyllä/ei, ja/nej)',
    fi: 'on oltava kyllä tai ei (1/0, kyllä/ei, ja/nej, yes/no)',
    sv: 'måste vara ja eller nej (1/0, ja/nej, kyllä/ei, yes/no)',
  },
  formula: {
    en: 'is a formula: enter the value itself',
    fi: 'on kaava: kirjoita itse arvo',
    sv: 'är en formel: skriv själva värdet',
  },
  reportNotOpen: {
    en: 'cannot be filled in yet: the period of the report has not begun',
    fi: 'ei ole vielä täytettävissä: raportin kausi ei ole alkanut',
    sv: 'kan inte fyllas i ännu: rapportens period har inte börjat',
  },
  reportAwaitingReview: {
    en: 'is locked: the report has been submitted and is waiting for review',
    fi: 'on lukittu: raportti on lähetetty ja odottaa tarkastusta',
    sv: 'är låst: rapporten har skickats in och väntar på granskning',
  },
  reportAccepted: {
    en: 'is locked: the report has been accepted (start a correction to change it)',
    fi: 'on lukittu: raportti on hyväksytty (aloita korjaus muuttaaksesi sitä)',
    sv: 'är låst: rapporten har godkänts (påbörja en rättelse för att ändra den)',
  },
  tooManyReports: {
    en: 'is one report too many: one sheet may carry at most {max} reports',
    fi: 'on liikaa: yhdessä taulukossa voi olla enintään {max} raporttia',
    sv: 'är en rapport för mycket: ett kalkylblad får innehålla högst {max} rapporter',
  },
  noRows: {
    en: 'the sheet has no rows of values',
    fi: 'taulukossa ei ole arvorivejä',
    sv: 'kalkylbladet har inga rader med värden',
  },
  // Comparisons.
  month: {
    en: 'must be a month written YYYY-MM',
    fi: 'on oltava kuukausi muodossa VVVV-KK',
    sv: 'måste vara en månad skriven ÅÅÅÅ-MM',
  },
  rangeTooLong: {
    en: 'may be at most {max} months after the start',
    fi: 'saa olla enintään {max} kuukautta alkukuukauden jälkeen',
    sv: 'får vara högst {max} månader efter startmånaden',
  },
  notCriterionOfService: {
    en: 'is not a criterion of this service',
    fi: 'ei ole tämän palvelun kriteeri',
    sv: 'är inte ett kriterium för denna tjänst',
  },
  invalid: { en: 'is not valid', fi: 'ei ole kelvollinen', sv: 'är inte giltigt' },
} satisfies Record<string, Localized>;

export type FieldProblem = keyof typeof FIELD_MESSAGES;

/** The JSON body of every error answer. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: ApiFieldError[];
  requestId?: string;
}

export interface ApiFieldError {
  field: string;
  problem: FieldProblem;
  message: string;
}

export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function errorMessage(
  code: ErrorCode,
  lang: Language,
  params?: Record<string, string | number>,
): string {
  return interpolate(ERROR_MESSAGES[code][lang], params);
}

export function fieldMessage(
  problem: FieldProblem,
  lang: Language,
  params?: Record<string, string | number>,
): string {
  return interpolate(FIELD_MESSAGES[problem][lang], params);
}
