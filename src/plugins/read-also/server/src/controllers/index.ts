import admin from './admin';
import suggestions from './suggestions';
import quotes from './quotes';
import followUps from './follow-ups';

export default { admin, suggestions, quotes, followUps };
