/* eslint-disable */
import * as registry from '../registry.js'
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ count: NonNullable<unknown> }} Sync_WaitingInputs */

const en_sync_waiting = /** @type {(inputs: Sync_WaitingInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("en", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} change waiting`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} changes waiting`);
	return /** @type {LocalizedString} */ ("sync_waiting");
};

const de_sync_waiting = /** @type {(inputs: Sync_WaitingInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("de", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} Änderung wartet`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} Änderungen warten`);
	return /** @type {LocalizedString} */ ("sync_waiting");
};

const fr_sync_waiting = /** @type {(inputs: Sync_WaitingInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("fr", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} modification en attente`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} modifications en attente`);
	return /** @type {LocalizedString} */ ("sync_waiting");
};

/**
* | countPlural | output |
* | --- | --- |
* | "one" | "{count} change waiting" |
* | "other" | "{count} changes waiting" |
*
* @param {Sync_WaitingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_waiting = /** @type {((inputs: Sync_WaitingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Sync_WaitingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_sync_waiting(inputs)
	if (locale === "fr") return fr_sync_waiting(inputs)
	return en_sync_waiting(inputs)
});