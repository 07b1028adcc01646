/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_BusyInputs */

const en_join_busy = /** @type {(inputs: Join_BusyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Joining…`)
};

const de_join_busy = /** @type {(inputs: Join_BusyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Sie werden angemeldet…`)
};

const fr_join_busy = /** @type {(inputs: Join_BusyInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Connexion…`)
};

/**
* | output |
* | --- |
* | "Joining…" |
*
* @param {Join_BusyInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_busy = /** @type {((inputs?: Join_BusyInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_BusyInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_busy(inputs)
	if (locale === "fr") return fr_join_busy(inputs)
	return en_join_busy(inputs)
});