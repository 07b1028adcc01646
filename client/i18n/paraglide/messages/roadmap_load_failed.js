/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Roadmap_Load_FailedInputs */

const en_roadmap_load_failed = /** @type {(inputs: Roadmap_Load_FailedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The roadmap could not load. Check your connection and reload the page.`)
};

const de_roadmap_load_failed = /** @type {(inputs: Roadmap_Load_FailedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Roadmap konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.`)
};

const fr_roadmap_load_failed = /** @type {(inputs: Roadmap_Load_FailedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`La feuille de route n’a pas pu se charger. Vérifiez votre connexion et rechargez la page.`)
};

/**
* | output |
* | --- |
* | "The roadmap could not load. Check your connection and reload the page." |
*
* @param {Roadmap_Load_FailedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const roadmap_load_failed = /** @type {((inputs?: Roadmap_Load_FailedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Roadmap_Load_FailedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_roadmap_load_failed(inputs)
	if (locale === "fr") return fr_roadmap_load_failed(inputs)
	return en_roadmap_load_failed(inputs)
});