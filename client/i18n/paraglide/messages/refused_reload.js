/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Refused_ReloadInputs */

const en_refused_reload = /** @type {(inputs: Refused_ReloadInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Reload`)
};

const de_refused_reload = /** @type {(inputs: Refused_ReloadInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Neu laden`)
};

const fr_refused_reload = /** @type {(inputs: Refused_ReloadInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Recharger`)
};

/**
* | output |
* | --- |
* | "Reload" |
*
* @param {Refused_ReloadInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_reload = /** @type {((inputs?: Refused_ReloadInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Refused_ReloadInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_refused_reload(inputs)
	if (locale === "fr") return fr_refused_reload(inputs)
	return en_refused_reload(inputs)
});