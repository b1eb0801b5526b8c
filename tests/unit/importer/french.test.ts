/** Given small invented French sentences, when parsed, then French newsroom conventions of attribution are read. */
import { parseStory } from '../../../src/importer/parser';

const speakers = (text: string) => parseStory(text).quotes.map((quote) => quote.speakerName ?? quote.organisation);

describe('French attribution', () => {
  test('a tag inside the marks leaves the speaker’s own comma with the words', () => {
    const [quote] = parseStory(
      'La ministre Odile Paquin a parlé.\n« Nous voulions aller plus vite, a-t-elle admis, mais il fallait consulter. »',
    ).quotes;
    expect(quote.text).toBe('Nous voulions aller plus vite, mais il fallait consulter.');
  });

  test('« Pour X, … » opening a sentence attributes the quote to X', () => {
    const story =
      'Pour le directeur de l’organisme Essor Rivière-Noire, Paul-Émile Gagnon, la décision est « un recul, mais pas une défaite » pour la région.';
    expect(speakers(story)).toEqual(['Paul-Émile Gagnon']);
  });

  test('a demonym stands for the person the story introduced with it, and gives a gender', () => {
    const story =
      'La Chilienne Rosa Ibarra a gagné devant le Danois Mikkel Holm.\nIbarra a salué son rival. « Il a été très fort aujourd’hui, je le respecte », a assuré la Chilienne.\nHolm a parlé ensuite.\n« Je suis heureuse, c’est une victoire pour tout le pays », a-t-elle lancé.';
    expect(speakers(story)).toEqual(['Rosa Ibarra', 'Rosa Ibarra']);
  });

  test('a compound title is its head’s, and the title heading an apposition belongs to the name after it', () => {
    const story =
      'L’entraîneur-chef de l’équipe nationale, l’Autrichien Kurt Egger, était présent.\n« La saison commence très bien pour nous », a déclaré l’entraîneur.';
    expect(speakers(story)).toEqual(['Kurt Egger']);
  });
});
