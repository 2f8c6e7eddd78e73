/**
 * Major cities that are not capitals, and regions inside one state ("Chechnya", "Darfur"), by state: what "police in Mombasa" or "protesters
 * in Lagos" tells of whose police and whose protesters. Cities are never actors on their
 * own (a city is not its state's government, as a capital often is in news); they only
 * place a generic actor (generic-actors.ts) or a new place (new-actors.ts) in a state.
 * A row is `ISO3|city;city…`. General knowledge, not drawn from any text.
 */
import { foldTerm } from './fold';

const ROWS = `
AFG|Kandahar;Herat;Mazar-i-Sharif;Jalalabad;Kunduz
DZA|Oran;Constantine;Annaba
AGO|Huambo;Benguela
ARG|Cordoba;Rosario;Mendoza
ARM|Gyumri;Vanadzor;Goris
AUS|Sydney;Melbourne;Brisbane;Perth;Adelaide
AZE|Ganja;Sumgait;Shusha;Nakhchivan
BGD|Chittagong;Khulna;Sylhet
BLR|Gomel;Brest;Grodno
BEL|Antwerp;Ghent;Liege
BOL|Santa Cruz;Cochabamba
BIH|Banja Luka;Mostar;Tuzla;Srebrenica;Gorazde;Bihac
BRA|Sao Paulo;Rio de Janeiro;Salvador;Recife;Manaus
CMR|Douala;Bamenda
CAN|Toronto;Montreal;Vancouver;Calgary
CHN|Tibet;Xinjiang;Shanghai;Hong Kong;Guangzhou;Shenzhen;Wuhan;Chengdu;Chongqing;Tianjin;Urumqi;Lhasa;Nanjing
COL|Medellin;Cali;Cartagena;Barranquilla
COD|Goma;Bukavu;Lubumbashi;Kisangani;Bunia;Beni
CIV|Bouake
HRV|Vukovar
CUB|Santiago de Cuba
CZE|Brno
EGY|Alexandria;Giza;Port Said;Suez;Luxor;Aswan;Ismailia
ETH|Mekele;Mekelle;Gondar;Dire Dawa;Bahir Dar
FRA|Marseille;Lyon;Toulouse;Nice;Strasbourg;Bordeaux;Lille
GEO|Abkhazia;South Ossetia;Batumi;Kutaisi;Gori;Sukhumi;Tskhinvali
DEU|Hamburg;Munich;Frankfurt;Cologne;Stuttgart;Dresden;Leipzig;Bonn
GHA|Kumasi
GRC|Thessaloniki
IND|Mumbai;Bombay;Kolkata;Calcutta;Chennai;Madras;Bangalore;Hyderabad;Ahmedabad;Srinagar;Amritsar
IDN|Surabaya;Medan;Bandung;Banda Aceh;Jayapura;Ambon
IRN|Isfahan;Mashhad;Tabriz;Shiraz;Qom;Ahvaz
IRQ|Basra;Mosul;Kirkuk;Erbil;Irbil;Najaf;Karbala;Fallujah;Tikrit;Ramadi;Sulaimaniya
ISR|Haifa;Beersheba;Eilat;Ashkelon;Sderot
ITA|Milan;Naples;Turin;Genoa;Palermo;Florence;Venice;Bologna
JPN|Osaka;Kyoto;Yokohama;Hiroshima;Nagasaki;Okinawa
JOR|Zarqa;Irbid
KAZ|Almaty;Alma-Ata;Karaganda
KEN|Mombasa;Kisumu;Nakuru;Eldoret;Garissa
KGZ|Osh;Jalal-Abad
LBN|Tripoli, Lebanon;Sidon;Tyre;Baalbek
LBY|Benghazi;Misrata;Sirte;Tobruk
MLI|Timbuktu;Gao;Kidal;Mopti
MEX|Guadalajara;Monterrey;Tijuana;Ciudad Juarez;Acapulco
MAR|Casablanca;Marrakesh;Marrakech;Fez;Tangier
MOZ|Beira;Nampula
MMR|Yangon;Rangoon;Mandalay
NGA|Lagos;Kano;Ibadan;Port Harcourt;Maiduguri;Kaduna;Jos
PAK|Karachi;Lahore;Peshawar;Quetta;Rawalpindi;Faisalabad
PSE|Gaza City;Hebron;Nablus;Jenin;Bethlehem;Rafah;Khan Younis;Jericho
PER|Arequipa;Cusco
PHL|Cebu;Davao;Zamboanga;Marawi
POL|Krakow;Gdansk;Wroclaw;Lodz
RUS|Chechnya;Dagestan;Ingushetia;St. Petersburg;Saint Petersburg;Novosibirsk;Yekaterinburg;Kazan;Grozny;Vladivostok;Tyumen;Samara;Volgograd;Rostov-on-Don;Sochi;Nalchik;Makhachkala;Kaliningrad
RWA|Butare;Gisenyi
SAU|Jeddah;Mecca;Medina;Dammam
SOM|Kismayo;Baidoa;Hargeisa
ZAF|Johannesburg;Cape Town;Durban;Soweto
KOR|Busan;Incheon;Gwangju
ESP|Basque Country;Barcelona;Bilbao;Seville
LKA|Jaffna;Kandy;Trincomalee
SDN|Darfur;Omdurman;Port Sudan;El Fasher;Nyala;Kassala
SSD|Malakal;Bor;Wau
SYR|Aleppo;Homs;Hama;Latakia;Deir ez-Zor;Raqqa;Idlib;Daraa;Kobani
TWN|Kaohsiung
TZA|Dar es Salaam;Arusha;Zanzibar
THA|Chiang Mai;Pattaya;Phuket
TUR|Istanbul;Izmir;Diyarbakir;Sivas;Adana;Gaziantep;Antalya;Bursa
UGA|Gulu;Entebbe;Jinja
UKR|Kharkiv;Kharkov;Odesa;Odessa;Lviv;Donetsk;Luhansk;Mariupol;Dnipro;Zaporizhzhia;Kherson;Sevastopol;Simferopol
GBR|Manchester;Birmingham;Liverpool;Glasgow;Edinburgh;Belfast;Cardiff
USA|New York;Los Angeles;Chicago;Houston;San Francisco;Miami;Boston;Seattle;Philadelphia
VEN|Maracaibo
VNM|Ho Chi Minh City;Saigon;Haiphong;Da Nang
YEM|Aden;Taiz;Hodeidah;Marib
ZWE|Bulawayo
`;

/** Folded city name → ISO3 code of its state. */
export const CITY_STATES: ReadonlyMap<string, string> = new Map(
  ROWS.trim()
    .split('\n')
    .flatMap((line) => {
      const [code, cities] = line.split('|');
      return cities.split(';').map((city) => [foldTerm(city), code] as [string, string]);
    }),
);

/** The ISO3 code of the state a city (folded, possessive-free) lies in, or null. */
export const stateOfCity = (folded: string): string | null => CITY_STATES.get(folded) ?? null;
