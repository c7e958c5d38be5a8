// Compares analyzeSms with the sms-segments-calculator package on the same mixed texts.
// Run: npx tsx bench/segments.ts. The last line is the machine-readable result.
import { SegmentedMessage } from "sms-segments-calculator";
import { analyzeSms } from "../lib/sms/encoding";

const TEXT_COUNT = 100_000;
const ROUNDS = 5;

// mulberry32: a tiny seeded PRNG so every run measures the same texts.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20_240_612);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const NAMES = ["Ayşe Yılmaz", "Mehmet Kaya", "Av. Şükrü Öztürk", "Gülşen Çelik", "İbrahim Doğan", "Fatma Şahin"];
const PLACES = ["Aksaray Tapu Müdürlüğü", "SGK İl Müdürlüğü", "Emniyet Müdürlüğü", "Ziraat Bankası"];
const file = () => `${int(2015, 2026)}/${int(1, 9999)} Esas`;
const date = () => `${String(int(1, 28)).padStart(2, "0")}.${String(int(1, 12)).padStart(2, "0")}.2026`;
const amount = () => `${int(1, 9)}.${int(100, 999)},00 TL`;

const FAMILIES: ReadonlyArray<() => string> = [
  () => `Sayın ${pick(NAMES)}, ${file()} sayılı dosyaya ilişkin ${date()} tarihli başvurunuz üzerine ${date()} tarih ve ${int(1, 999)} sayılı yazımız ${pick(PLACES)}na gönderilmiştir.`,
  () => `Sayın ${pick(NAMES)}, ${file()} sayılı dosyada haczin kaldırılması için ${amount()} gider avansını TR33 0006 1005 1978 6457 8413 26 IBAN'a yatırınız.`,
  () => `${file()} sayılı dosya için ${amount()} gider avansını ${date()} tarihine kadar yatırınız. Açıklama: "${file()}".`,
  () => `Sayın ${pick(NAMES)}, ${file()} sayılı dosyanızda vekaletname eksiktir. Lütfen tamamlayınız. Bu mesaj bilgilendirme amaçlıdır.`,
];
const PLAIN = ["Your file 2024/15 was updated.", "Odeme alindi, tesekkurler.", "Ref {A-12} [ok] ~ 5 EUR | done", "Randevu 10:30 icin onaylandi."];
const UNICODE = ["Ödeme alındı 👍", "“Tebligat” yapıldı – lütfen bakınız…", "Başvurunuz âlâ şekilde alındı 😀😀", "Привет, ваш файл готов"];

function buildText(): string {
  const kind = random();
  if (kind < 0.6) {
    const parts = int(1, 4); // one to four sentences: 1 to 4+ segments
    let text = pick(FAMILIES)();
    for (let i = 1; i < parts; i++) text += " " + pick(FAMILIES)();
    return text;
  }
  if (kind < 0.8) return Array.from({ length: int(1, 6) }, () => pick(PLAIN)).join(" ");
  return Array.from({ length: int(1, 4) }, () => pick(UNICODE)).join(" ");
}

const texts = Array.from({ length: TEXT_COUNT }, buildText);

// The peer takes milliseconds per text (about 700 texts/s here), so it runs on every
// PEER_STRIDE-th text; analyzeSms is timed on that same sample too, and the ratio compares
// the two on exactly the same texts.
const PEER_STRIDE = 50;
const sample = texts.filter((_, i) => i % PEER_STRIDE === 0);

let sink = 0; // consumed at the end so no engine can drop the work
const ours = (list: readonly string[]) => () => {
  for (const text of list) sink += analyzeSms(text).segments;
};
const peer = (list: readonly string[]) => () => {
  for (const text of list) sink += new SegmentedMessage(text).segmentsCount;
};

/** Texts per second over `passes` runs through `list`. */
function rate(list: readonly string[], passes: number, run: () => void): number {
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (list.length * passes) / seconds;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Warm-up lets both sides reach optimized code before anything is timed.
ours(texts)();
peer(sample.slice(0, 200))();

const oursAll: number[] = [];
const oursSample: number[] = [];
const peerSample: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  oursAll.push(rate(texts, 1, ours(texts)));
  oursSample.push(rate(sample, PEER_STRIDE, ours(sample)));
  peerSample.push(rate(sample, 1, peer(sample)));
}

const fmt = (value: number) => Math.round(value).toLocaleString("en-US");
const line = (label: string, rates: number[]) =>
  console.log(`${label.padEnd(44)} median ${fmt(median(rates))} texts/s, best ${fmt(Math.max(...rates))} texts/s`);
console.log(`texts: ${fmt(TEXT_COUNT)}, peer sample: ${fmt(sample.length)}, rounds: ${ROUNDS} (alternating), checksum ${sink}`);
line("analyzeSms, all texts", oursAll);
line(`analyzeSms, sample (${PEER_STRIDE} passes)`, oursSample);
line("sms-segments-calculator, sample", peerSample);
console.log(`RESULT segments_speed_vs_peer=${(median(oursSample) / median(peerSample)).toFixed(2)}`);
