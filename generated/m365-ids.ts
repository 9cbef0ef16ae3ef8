/* Generated from schema/m365-ids.schema.json by `npm run types`. Do not edit. */

/**
 * generated/m365-ids.json: the number of each endpoint set id in the m365 formats, written by `build` and only ever added to, so a number, once given, always means the same row.
 */
export interface M365Ids {
  schemaVersion: string
  /**
   * Endpoint set id → number. A row whose purpose was reworded or that moved section (a new id) keeps the number of the row it was matched with.
   */
  endpointSets: {
    [k: string]: number
  }
}
