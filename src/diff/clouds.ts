/**
 * The clouds a destination can apply to, in the order the catalog lists them, with the names an
 * administrator knows them by. A destination without `clouds` applies to the public cloud.
 */
import type {Cloud, Destination} from '../../generated/catalog.js'

/** Every cloud, in the catalog's order, with its display name. */
export const cloudNames = {
  public: 'Public',
  'usgov-gcc': 'GCC',
  'usgov-gcchigh': 'GCC High',
  'usgov-dod': 'DoD',
  china: 'China (21Vianet)'
} as const satisfies Record<Cloud, string>

/** The cloud ids, in order. */
export const cloudIds = Object.keys(cloudNames) as Cloud[]

const publicOnly: Cloud[] = ['public']

/** The clouds a destination applies to (the public cloud when the catalog does not say). */
export function destinationClouds(destination: Pick<Destination, 'clouds'>): readonly Cloud[] {
  return destination.clouds ?? publicOnly
}

/** Whether a list of clouds is the public cloud alone: the default, left unsaid. */
export function isPublicOnly(clouds: readonly Cloud[]): boolean {
  return clouds.length === 1 && clouds[0] === 'public'
}

/** A set of clouds in the catalog's order. */
export function sortClouds(clouds: Iterable<Cloud>): Cloud[] {
  const set = new Set(clouds)
  return cloudIds.filter((cloud) => set.has(cloud))
}
