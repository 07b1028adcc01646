/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_Name_HintInputs */

const en_join_name_hint = /** @type {(inputs: Join_Name_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`No account. Only this workshop sees it.`)
};

const de_join_name_hint = /** @type {(inputs: Join_Name_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Kein Konto nötig. Nur dieser Workshop sieht ihn.`)
};

const fr_join_name_hint = /** @type {(inputs: Join_Name_HintInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Aucun compte. Seul cet atelier le voit.`)
};

/**
* | output |
* | --- |
* | "No account. Only this workshop sees it." |
*
* @param {Join_Name_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_name_hint = /** @type {((inputs?: Join_Name_HintInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_Name_HintInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_name_hint(inputs)
	if (locale === "fr") return fr_join_name_hint(inputs)
	return en_join_name_hint(inputs)
});