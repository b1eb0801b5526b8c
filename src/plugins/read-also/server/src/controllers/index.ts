import admin from './admin';
import suggestions from './suggestions';

export default { admin, suggestions };
