/**
 * A general table of the world's states, for the extractor's gazetteer: names and
 * common alternatives, demonyms (adjective and people), capitals and seats of
 * government ("the Kremlin"). It is not about any one article: it lets the assistant
 * recognise "Jordanian troops" or "Tehran" in news it has never seen. A row is
 * `ISO3|name|aliases|demonyms|capitals and seats`, lists split by `;`.
 * Codes are ISO 3166-1 alpha-3, as CAMEO and PLOVER code states. "Congolese" belongs to the
 * Democratic Republic of the Congo alone: news means it far more often than Congo-Brazzaville.
 * A region's people inside one state count as that state's ("Chechen rebels", "Tibetan monks"),
 * as CAMEO codes them; peoples spread over several states ("Kurdish") are left out.
 */
const ROWS = `
AFG|Afghanistan||Afghan;Afghans;Afghani|Kabul
ALB|Albania||Albanian;Albanians|Tirana
DZA|Algeria||Algerian;Algerians|Algiers
AND|Andorra||Andorran|Andorra la Vella
AGO|Angola||Angolan;Angolans|Luanda
ATG|Antigua and Barbuda||Antiguan|St. John's
ARG|Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires;Casa Rosada
ARM|Armenia|Republic of Armenia|Armenian;Armenians|Yerevan
AUS|Australia||Australian;Australians|Canberra
AUT|Austria||Austrian;Austrians|Vienna
AZE|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku
BHS|Bahamas|The Bahamas|Bahamian|Nassau
BHR|Bahrain||Bahraini;Bahrainis|Manama
BGD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka
BRB|Barbados||Barbadian|Bridgetown
BLR|Belarus|Byelorussia|Belarusian;Belarusians;Belarussian|Minsk
BEL|Belgium||Belgian;Belgians|Brussels
BLZ|Belize||Belizean|Belmopan
BEN|Benin||Beninese|Porto-Novo;Cotonou
BTN|Bhutan||Bhutanese|Thimphu
BOL|Bolivia||Bolivian;Bolivians|La Paz;Sucre
BIH|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians|Sarajevo
BWA|Botswana||Botswanan;Motswana|Gaborone
BRA|Brazil||Brazilian;Brazilians|Brasilia;Brasília
BRN|Brunei||Bruneian|Bandar Seri Begawan
BGR|Bulgaria||Bulgarian;Bulgarians|Sofia
BFA|Burkina Faso||Burkinabe|Ouagadougou
BDI|Burundi||Burundian;Burundians|Gitega;Bujumbura
KHM|Cambodia|Kampuchea|Cambodian;Cambodians;Khmer;Kampuchean;Kampucheans|Phnom Penh
CMR|Cameroon||Cameroonian;Cameroonians|Yaounde;Yaoundé
CAN|Canada||Canadian;Canadians|Ottawa
CPV|Cape Verde|Cabo Verde|Cape Verdean|Praia
CAF|Central African Republic||Central African|Bangui
TCD|Chad||Chadian;Chadians|N'Djamena
CHL|Chile||Chilean;Chileans|Santiago
CHN|China|People's Republic of China;PRC|Chinese;Tibetan;Tibetans;Uighur;Uighurs;Uyghur;Uyghurs|Beijing;Peking
COL|Colombia||Colombian;Colombians|Bogota;Bogotá
COM|Comoros||Comoran;Comorian|Moroni
COG|Republic of the Congo|Congo-Brazzaville||Brazzaville
COD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa;Zaire|Congolese|Kinshasa
CRI|Costa Rica||Costa Rican;Costa Ricans|San Jose
CIV|Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivorians|Yamoussoukro;Abidjan
HRV|Croatia||Croatian;Croatians;Croat;Croats|Zagreb
CUB|Cuba||Cuban;Cubans|Havana
CYP|Cyprus||Cypriot;Cypriots|Nicosia
CZE|Czech Republic|Czechia|Czech;Czechs|Prague
DNK|Denmark||Danish;Danes|Copenhagen
DJI|Djibouti||Djiboutian|Djibouti City
DMA|Dominica||Dominican|Roseau
DOM|Dominican Republic||Dominicans|Santo Domingo
TLS|East Timor|Timor-Leste|East Timorese;Timorese|Dili
ECU|Ecuador||Ecuadorian;Ecuadorean;Ecuadorians|Quito
EGY|Egypt||Egyptian;Egyptians|Cairo
SLV|El Salvador||Salvadoran;Salvadorans|San Salvador
GNQ|Equatorial Guinea||Equatoguinean|Malabo
ERI|Eritrea||Eritrean;Eritreans|Asmara
EST|Estonia||Estonian;Estonians|Tallinn
SWZ|Eswatini|Swaziland|Swazi|Mbabane
ETH|Ethiopia||Ethiopian;Ethiopians|Addis Ababa
FJI|Fiji||Fijian;Fijians|Suva
FIN|Finland||Finnish;Finns|Helsinki
FRA|France|French Republic|French|Paris;Elysee;Élysée;Elysee Palace;Élysée Palace
GAB|Gabon||Gabonese|Libreville
GMB|Gambia|The Gambia|Gambian;Gambians|Banjul
GEO|Georgia||Georgian;Georgians;Abkhaz;Abkhazian;Abkhazians|Tbilisi
DEU|Germany||German;Germans|Berlin
GHA|Ghana||Ghanaian;Ghanaians|Accra
GRC|Greece||Greek;Greeks|Athens
GRD|Grenada||Grenadian|St. George's
GTM|Guatemala||Guatemalan;Guatemalans|Guatemala City
GIN|Guinea||Guinean;Guineans|Conakry
GNB|Guinea-Bissau||Bissau-Guinean|Bissau
GUY|Guyana||Guyanese|Georgetown
HTI|Haiti||Haitian;Haitians|Port-au-Prince
HND|Honduras||Honduran;Hondurans|Tegucigalpa
HUN|Hungary||Hungarian;Hungarians|Budapest
ISL|Iceland||Icelandic;Icelanders|Reykjavik
IND|India||Indian;Indians|New Delhi
IDN|Indonesia||Indonesian;Indonesians|Jakarta
IRN|Iran|Islamic Republic of Iran|Iranian;Iranians|Tehran;Teheran
IRQ|Iraq||Iraqi;Iraqis|Baghdad
IRL|Ireland|Republic of Ireland|Irish|Dublin
ISR|Israel||Israeli;Israelis|Jerusalem;Tel Aviv
ITA|Italy||Italian;Italians|Rome
JAM|Jamaica||Jamaican;Jamaicans|Kingston
JPN|Japan||Japanese|Tokyo
JOR|Jordan||Jordanian;Jordanians|Amman
KAZ|Kazakhstan||Kazakh;Kazakhs;Kazakhstani|Astana;Nur-Sultan;Almaty
KEN|Kenya||Kenyan;Kenyans|Nairobi
KIR|Kiribati||I-Kiribati|Tarawa
PRK|North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
KOR|South Korea|Republic of Korea|South Korean;South Koreans|Seoul
XKX|Kosovo||Kosovar;Kosovars;Kosovan|Pristina
KWT|Kuwait||Kuwaiti;Kuwaitis|Kuwait City
KGZ|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz;Kirghiz|Bishkek
LAO|Laos||Lao;Laotian;Laotians|Vientiane
LVA|Latvia||Latvian;Latvians|Riga
LBN|Lebanon||Lebanese|Beirut
LSO|Lesotho||Basotho|Maseru
LBR|Liberia||Liberian;Liberians|Monrovia
LBY|Libya||Libyan;Libyans|Tripoli
LIE|Liechtenstein||Liechtensteiner|Vaduz
LTU|Lithuania||Lithuanian;Lithuanians|Vilnius
LUX|Luxembourg||Luxembourgish;Luxembourger|Luxembourg City
MDG|Madagascar||Malagasy|Antananarivo
MWI|Malawi||Malawian;Malawians|Lilongwe
MYS|Malaysia||Malaysian;Malaysians|Kuala Lumpur
MDV|Maldives||Maldivian|Male
MLI|Mali||Malian;Malians|Bamako
MLT|Malta||Maltese|Valletta
MHL|Marshall Islands||Marshallese|Majuro
MRT|Mauritania||Mauritanian;Mauritanians|Nouakchott
MUS|Mauritius||Mauritian|Port Louis
MEX|Mexico||Mexican;Mexicans|Mexico City
FSM|Micronesia||Micronesian|Palikir
MDA|Moldova||Moldovan;Moldovans|Chisinau;Chișinău
MCO|Monaco||Monegasque|Monaco
MNG|Mongolia||Mongolian;Mongolians|Ulaanbaatar;Ulan Bator
MNE|Montenegro||Montenegrin;Montenegrins|Podgorica
MAR|Morocco||Moroccan;Moroccans|Rabat
MOZ|Mozambique||Mozambican;Mozambicans|Maputo
MMR|Myanmar|Burma|Burmese;Myanmarese|Naypyidaw;Naypyitaw;Rangoon;Yangon
NAM|Namibia||Namibian;Namibians|Windhoek
NRU|Nauru||Nauruan|Yaren
NPL|Nepal||Nepalese;Nepali|Kathmandu
NLD|Netherlands|Holland;The Netherlands|Dutch|Amsterdam;The Hague
NZL|New Zealand||New Zealander;New Zealanders|Wellington
NIC|Nicaragua||Nicaraguan;Nicaraguans|Managua
NER|Niger||Nigerien;Nigeriens|Niamey
NGA|Nigeria||Nigerian;Nigerians|Abuja;Lagos
MKD|North Macedonia|Macedonia;FYROM|Macedonian;Macedonians|Skopje
NOR|Norway||Norwegian;Norwegians|Oslo
OMN|Oman||Omani;Omanis|Muscat
PAK|Pakistan||Pakistani;Pakistanis|Islamabad
PLW|Palau||Palauan|Ngerulmud
PSE|Palestine|Palestinian territories;Palestinian Authority;West Bank;Gaza;Gaza Strip|Palestinian;Palestinians|Ramallah
PAN|Panama||Panamanian;Panamanians|Panama City
PNG|Papua New Guinea||Papua New Guinean|Port Moresby
PRY|Paraguay||Paraguayan;Paraguayans|Asuncion;Asunción
PER|Peru||Peruvian;Peruvians|Lima
PHL|Philippines|The Philippines|Philippine;Filipino;Filipinos|Manila
POL|Poland||Polish;Poles|Warsaw
PRT|Portugal||Portuguese|Lisbon
QAT|Qatar||Qatari;Qataris|Doha
ROU|Romania|Rumania|Romanian;Romanians|Bucharest
RUS|Russia|Russian Federation|Russian;Russians;Chechen;Chechens|Moscow;Kremlin;the Kremlin
RWA|Rwanda||Rwandan;Rwandans|Kigali
KNA|Saint Kitts and Nevis||Kittitian|Basseterre
LCA|Saint Lucia||Saint Lucian|Castries
VCT|Saint Vincent and the Grenadines||Vincentian|Kingstown
WSM|Samoa||Samoan|Apia
SMR|San Marino||Sammarinese|San Marino
STP|Sao Tome and Principe|São Tomé and Príncipe|Santomean|Sao Tome
SAU|Saudi Arabia|Saudi|Saudi;Saudis;Saudi Arabian|Riyadh
SEN|Senegal||Senegalese|Dakar
SRB|Serbia|Yugoslavia;Federal Republic of Yugoslavia|Serbian;Serbians;Serb;Serbs;Yugoslav|Belgrade
SYC|Seychelles||Seychellois|Victoria
SLE|Sierra Leone||Sierra Leonean;Sierra Leoneans|Freetown
SGP|Singapore||Singaporean;Singaporeans|Singapore
SVK|Slovakia||Slovak;Slovaks;Slovakian|Bratislava
SVN|Slovenia||Slovenian;Slovenians;Slovene;Slovenes|Ljubljana
SLB|Solomon Islands||Solomon Islander|Honiara
SOM|Somalia||Somali;Somalis|Mogadishu
ZAF|South Africa||South African;South Africans|Pretoria;Cape Town
SSD|South Sudan||South Sudanese|Juba
ESP|Spain||Spanish;Spaniards;Basque;Basques|Madrid
LKA|Sri Lanka|Ceylon|Sri Lankan;Sri Lankans|Colombo;Sri Jayawardenepura Kotte
SDN|Sudan||Sudanese;Darfuri;Darfuris|Khartoum
SUR|Suriname||Surinamese|Paramaribo
SWE|Sweden||Swedish;Swedes|Stockholm
CHE|Switzerland||Swiss|Bern;Berne
SYR|Syria|Syrian Arab Republic|Syrian;Syrians|Damascus
TWN|Taiwan|Republic of China|Taiwanese|Taipei
TJK|Tajikistan||Tajik;Tajiks;Tajikistani|Dushanbe
TZA|Tanzania||Tanzanian;Tanzanians|Dodoma;Dar es Salaam
THA|Thailand||Thai;Thais|Bangkok
TGO|Togo||Togolese|Lome;Lomé
TON|Tonga||Tongan|Nuku'alofa
TTO|Trinidad and Tobago|Trinidad|Trinidadian;Trinidadians|Port of Spain
TUN|Tunisia||Tunisian;Tunisians|Tunis
TUR|Turkey|Türkiye;Turkiye|Turkish;Turks|Ankara
TKM|Turkmenistan||Turkmen|Ashgabat
TUV|Tuvalu||Tuvaluan|Funafuti
UGA|Uganda||Ugandan;Ugandans|Kampala
UKR|Ukraine||Ukrainian;Ukrainians|Kyiv;Kiev
ARE|United Arab Emirates|UAE;Emirates|Emirati;Emiratis|Abu Dhabi
GBR|United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons|London;Downing Street;Whitehall
USA|United States|US;U.S.;USA;U.S.A.;United States of America;America|American;Americans|Washington;White House;Pentagon
URY|Uruguay||Uruguayan;Uruguayans|Montevideo
UZB|Uzbekistan||Uzbek;Uzbeks|Tashkent
VUT|Vanuatu||Ni-Vanuatu|Port Vila
VAT|Vatican|Holy See;Vatican City|Vatican|
VEN|Venezuela||Venezuelan;Venezuelans|Caracas
VNM|Vietnam|Viet Nam|Vietnamese|Hanoi
YEM|Yemen||Yemeni;Yemenis|Sanaa;Sana'a
ZMB|Zambia||Zambian;Zambians|Lusaka
ZWE|Zimbabwe||Zimbabwean;Zimbabweans|Harare
SUN|Soviet Union|USSR;Soviets;U.S.S.R.|Soviet|
`;

export interface WorldState {
  /** ISO 3166-1 alpha-3. */
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
}

const split = (field: string | undefined): string[] => (field ? field.split(';').map((s) => s.trim()).filter(Boolean) : []);

export const WORLD_STATES: readonly WorldState[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [code, name, aliases, demonyms, capitals] = line.split('|');
    return { code, name, aliases: split(aliases), demonyms: split(demonyms), capitals: split(capitals) };
  });

/**
 * International organisations often named in news, so that "NATO" is an actor and
 * not lost text even when the dataset does not hold it; code `IGO` as CAMEO does.
 */
const IGO_ROWS = `
United Nations|UN;U.N.
UN Security Council|Security Council;United Nations Security Council;UNSC
NATO|North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Atlantic alliance
European Union|EU;E.U.
African Union|AU
Arab League|League of Arab States
OSCE|Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe
Council of Europe|
CSTO|Collective Security Treaty Organization;Collective Security Treaty Organisation
Commonwealth of Independent States|CIS
Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization
ECOWAS|Economic Community of West African States
ASEAN|Association of Southeast Asian Nations
Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation
International Monetary Fund|IMF
World Bank|
International Criminal Court|ICC
International Atomic Energy Agency|IAEA
Red Cross|ICRC;International Committee of the Red Cross
Gulf Cooperation Council|GCC
International Labour Organization|ILO;International Labor Organization;International Labour Organisation;International Labour Office;International Labor Office
World Health Organization|WHO;World Health Organisation
UN refugee agency|UNHCR;UN High Commissioner for Refugees;United Nations High Commissioner for Refugees
UNICEF|United Nations Children's Fund;UN Children's Fund
World Food Programme|WFP;World Food Program
UNESCO|
UN Development Programme|UNDP;United Nations Development Programme
World Trade Organization|WTO;World Trade Organisation
Food and Agriculture Organization|FAO
OPEC|Organization of the Petroleum Exporting Countries
Organization of American States|OAS
Organisation of African Unity|OAU;Organization of African Unity
Southern African Development Community|SADC
Interpol|
European Commission|
European Parliament|
European Community|EC;European Economic Community;EEC
`;

export interface WorldOrganisation {
  name: string;
  aliases: string[];
}

export const WORLD_ORGANISATIONS: readonly WorldOrganisation[] = IGO_ROWS.trim()
  .split('\n')
  .map((line) => {
    const [name, aliases] = line.split('|');
    return { name, aliases: split(aliases) };
  });
