/**
 * The catalogue of named errors. Every refusal, over HTTP or Socket.IO, carries
 * one of these codes; HTTP responses use the status given here.
 */
export const ERRORS = {
  BAD_REQUEST: { status: 400, message: 'The request is not valid.' },
  INVALID_BODY: { status: 400, message: 'The request body does not match the expected shape.' },
  EMPTY_TEXT: { status: 400, message: 'That field is empty once blanks and invisible characters are removed.' },
  INVALID_CODE: { status: 400, message: 'That is not a room code: six letters or digits.' },
  INVALID_TEMPLATE: { status: 400, message: 'That is not a workshop template this server can read.' },
  INVALID_ARCHIVE: { status: 400, message: 'That is not a workshop archive this server can read.' },
  UNAUTHENTICATED: { status: 401, message: 'A facilitator key or participant token is required.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do that.' },
  NOT_FACILITATOR: { status: 403, message: 'Only the facilitator can do that.' },
  NOT_OWNER: { status: 403, message: 'You can only change your own cards and markers.' },
  IMPERSONATION: { status: 403, message: 'That change claims to come from someone else.' },
  BOARD_LOCKED: { status: 423, message: 'The facilitator has locked the board.' },
  JOINS_CLOSED: { status: 423, message: 'The facilitator has closed this workshop to new people; ask them to open it again.' },
  VOTE_BUDGET: { status: 409, message: 'You have no votes left.' },
  VOTING_CLOSED: { status: 409, message: 'Votes count only during Prioritise.' },
  ROADMAP_LOCKED: { status: 403, message: 'The facilitator has not opened the roadmap for editing.' },
  REMOVED: { status: 403, message: 'The facilitator removed you from this workshop.' },
  COPY_NOT_READY: { status: 409, message: 'The roadmap can be taken home once the facilitator opens Export.' },
  COPIES_OFF: { status: 403, message: 'The facilitator has not offered participants a copy of this workshop.' },
  NOT_FOUND: { status: 404, message: 'Nothing here.' },
  WORKSHOP_NOT_FOUND: { status: 404, message: 'No workshop has that code.' },
  UNKNOWN_ITEM: { status: 409, message: 'That change refers to something the board does not have.' },
  CONFLICT: { status: 409, message: 'That conflicts with the current board.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'That message is too large.' },
  DOCUMENT_TOO_LARGE: { status: 413, message: 'The board has reached its size limit.' },
  ROOM_FULL: { status: 409, message: 'This workshop is full.' },
  TOO_MANY_CONNECTIONS: { status: 429, message: 'This seat is already open on too many screens; close one and try again.' },
  TOO_MANY_CARDS: { status: 409, message: 'You have reached the card limit.' },
  MALFORMED_UPDATE: { status: 400, message: 'That change could not be read.' },
  FORBIDDEN_TYPE: { status: 403, message: 'That change touches a part of the board you cannot write.' },
  INVALID_VALUE: { status: 400, message: 'That value is not allowed here.' },
  INVALID_MONTH: { status: 400, message: 'A month is written yyyy-mm (01 to 12), and a window cannot end before it starts.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a moment.' },
  VERSION_MISMATCH: { status: 400, message: 'This page is out of date; reload it.' },
  SERVER_BUSY: { status: 503, message: 'The server is busy, trying again…' },
  OFFLINE: { status: 503, message: 'You are offline; try again when the connection is back.' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'The server cannot save right now; your changes are kept on your device.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  /** `path`: where in a file or body the problem is (`dimensions.2.name`), when it is about one field. */
  error: { code: ErrorCode; message: string; path?: string };
}

/** An error that knows its catalogue code. Thrown by domain code, turned into JSON or an ack at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The field it is about, as a dotted path (`dimensions.2.name`); '' for the whole thing. */
  readonly path: string | undefined;
  /** For a refusal that passes (429, 503): seconds to wait before trying again, sent as Retry-After. */
  retryAfterS: number | undefined;
  constructor(code: ErrorCode, message?: string, path?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.path = path;
  }
  /** The same error, asking the client to wait `seconds` (at least one) before it tries again. */
  retryAfter(seconds: number): this {
    this.retryAfterS = Math.max(1, Math.ceil(seconds));
    return this;
  }
  toBody(): ErrorBody {
    return {
      error:
        this.path === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, path: this.path },
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
