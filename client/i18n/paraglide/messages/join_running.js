/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_RunningInputs */

const en_join_running = /** @type {(inputs: Join_RunningInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Running the session?`)
};

const de_join_running = /** @type {(inputs: Join_RunningInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Sie leiten die Sitzung?`)
};

const fr_join_running = /** @type {(inputs: Join_RunningInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Vous animez la séance ?`)
};

/**
* | output |
* | --- |
* | "Running the session?" |
*
* @param {Join_RunningInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_running = /** @type {((inputs?: Join_RunningInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_RunningInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_running(inputs)
	if (locale === "fr") return fr_join_running(inputs)
	return en_join_running(inputs)
});