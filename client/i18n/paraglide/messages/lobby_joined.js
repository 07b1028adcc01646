/* eslint-disable */
import * as registry from '../registry.js'
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ count: NonNullable<unknown> }} Lobby_JoinedInputs */

const en_lobby_joined = /** @type {(inputs: Lobby_JoinedInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("en", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} person has joined`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} people have joined`);
	return /** @type {LocalizedString} */ ("lobby_joined");
};

const de_lobby_joined = /** @type {(inputs: Lobby_JoinedInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("de", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} Person ist dabei`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} Personen sind dabei`);
	return /** @type {LocalizedString} */ ("lobby_joined");
};

const fr_lobby_joined = /** @type {(inputs: Lobby_JoinedInputs) => LocalizedString} */ (i) => {const countPlural = registry.plural("fr", i?.count, {});
	if (countPlural === "one") return /** @type {LocalizedString} */ (`${i?.count} personne a rejoint l’atelier`);
	if (countPlural === "other") return /** @type {LocalizedString} */ (`${i?.count} personnes ont rejoint l’atelier`);
	return /** @type {LocalizedString} */ ("lobby_joined");
};

/**
* | countPlural | output |
* | --- | --- |
* | "one" | "{count} person has joined" |
* | "other" | "{count} people have joined" |
*
* @param {Lobby_JoinedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const lobby_joined = /** @type {((inputs: Lobby_JoinedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Lobby_JoinedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_lobby_joined(inputs)
	if (locale === "fr") return fr_lobby_joined(inputs)
	return en_lobby_joined(inputs)
});