import { db } from '~/db.server'

export async function listAreas() {
  return db
    .selectFrom('areas')
    .select(['id', 'slug', 'name_sv', 'name_en'])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute()
}

export async function listCategories() {
  return db
    .selectFrom('categories')
    .select(['id', 'slug', 'name_sv', 'name_en', 'description_sv', 'description_en'])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute()
}
