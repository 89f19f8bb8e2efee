export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const
