import admin from './admin';
import suggestions from './suggestions';
import quotes from './quotes';

export default { admin, suggestions, quotes };
