/**
 * Well-known heads of state and government and other leaders of the last decades, by
 * state: news names them without saying whose they are ("Museveni said", "Erdogan
 * warned"), and a coder files them under their state. A row is `ISO3|Name/short/…;…`, where
 * the optional short names (a surname, or a title and surname) are matched too; surnames that are common words or
 * first names ("Rice", "Sharon", "Major") are left out and only the full name matches.
 * General knowledge, not drawn from any text; the dataset's own people win over it.
 */
const ROWS = `
AFG|Hamid Karzai/Karzai;Ashraf Ghani;Mullah Omar
DZA|Abdelaziz Bouteflika/Bouteflika;Ahmed Ben Bella;Abdelmadjid Tebboune/Tebboune
AGO|Jose Eduardo dos Santos;Jonas Savimbi/Savimbi
ARM|Nikol Pashinyan/Pashinyan;Serzh Sargsyan;Robert Kocharyan/Kocharyan
AZE|Ilham Aliyev/Aliyev;Heydar Aliyev
ARG|Carlos Menem/Menem;Nestor Kirchner;Cristina Fernandez de Kirchner;Javier Milei/Milei
AUS|John Howard;Kevin Rudd;Anthony Albanese
BLR|Alexander Lukashenko/Lukashenko;Alyaksandr Lukashenka/Lukashenka
BIH|Alija Izetbegovic/Izetbegovic;Radovan Karadzic/Karadzic;Ratko Mladic/Mladic
BRA|Luiz Inacio Lula da Silva/Lula;Jair Bolsonaro/Bolsonaro;Dilma Rousseff/Rousseff;Fernando Henrique Cardoso
KHM|Hun Sen;Pol Pot;Norodom Sihanouk/Sihanouk
CAN|Justin Trudeau/Trudeau;Stephen Harper;Jean Chretien/Chretien
CHN|Xi Jinping;Hu Jintao;Jiang Zemin;Deng Xiaoping;Li Peng;Zhu Rongji;Wen Jiabao;Li Keqiang
COL|Alvaro Uribe/Uribe;Juan Manuel Santos;Gustavo Petro/Petro
COD|Laurent Kabila;Joseph Kabila;Felix Tshisekedi/Tshisekedi;Mobutu Sese Seko/Mobutu
CIV|Laurent Gbagbo/Gbagbo;Alassane Ouattara/Ouattara
HRV|Franjo Tudjman/Tudjman
CUB|Fidel Castro;Raul Castro
EGY|Hosni Mubarak/Mubarak;Anwar Sadat/Sadat;Mohamed Morsi/Morsi;Abdel Fattah el-Sisi/Sisi;Abdel Fattah al-Sisi
ETH|Meles Zenawi/Meles;Abiy Ahmed/Abiy;Mengistu Haile Mariam/Mengistu
FRA|Francois Mitterrand/Mitterrand;Jacques Chirac/Chirac;Nicolas Sarkozy/Sarkozy;Francois Hollande/Hollande;Emmanuel Macron/Macron
DEU|Helmut Kohl/Kohl;Gerhard Schroeder;Angela Merkel/Merkel;Olaf Scholz/Scholz
GEO|Eduard Shevardnadze/Shevardnadze;Mikheil Saakashvili/Saakashvili
IND|Narendra Modi/Modi;Manmohan Singh;Atal Bihari Vajpayee/Vajpayee;Rajiv Gandhi;Indira Gandhi
IDN|Suharto;Susilo Bambang Yudhoyono/Yudhoyono;Joko Widodo/Jokowi;Megawati Sukarnoputri/Megawati
IRN|Ali Khamenei/Khamenei;Ayatollah Khamenei;Ruhollah Khomeini/Khomeini;Mahmoud Ahmadinejad/Ahmadinejad;Hassan Rouhani/Rouhani;Mohammad Khatami/Khatami;Akbar Hashemi Rafsanjani/Rafsanjani;Ebrahim Raisi/Raisi
IRQ|Saddam Hussein/Saddam;Nouri al-Maliki/Maliki;Tariq Aziz
ISR|Benjamin Netanyahu/Netanyahu;Ariel Sharon/Prime Minister Sharon;Ehud Barak;Ehud Olmert/Olmert;Yitzhak Rabin/Rabin;Shimon Peres/Peres;Yitzhak Shamir/Shamir;Menachem Begin;Naftali Bennett;Yair Lapid/Lapid
ITA|Silvio Berlusconi/Berlusconi;Romano Prodi/Prodi;Giorgia Meloni/Meloni;Mario Draghi/Draghi
JPN|Shinzo Abe;Junichiro Koizumi/Koizumi;Fumio Kishida/Kishida
JOR|King Hussein;King Abdullah II
KEN|Daniel arap Moi/Moi;Mwai Kibaki/Kibaki;Uhuru Kenyatta/Kenyatta;William Ruto/Ruto;Raila Odinga/Odinga
KGZ|Askar Akayev/Akayev;Kurmanbek Bakiyev/Bakiyev
LBN|Rafik Hariri;Saad Hariri;Michel Aoun/Aoun;Elias Hrawi/Hrawi;Hassan Nasrallah/Nasrallah;Emile Lahoud/Lahoud
LBY|Muammar Gaddafi/Gaddafi;Moammar Gadhafi/Gadhafi;Muammar Qaddafi/Qaddafi
MEX|Vicente Fox;Andres Manuel Lopez Obrador;Felipe Calderon
MMR|Aung San Suu Kyi/Suu Kyi;Than Shwe;Min Aung Hlaing
NGA|Olusegun Obasanjo/Obasanjo;Sani Abacha/Abacha;Goodluck Jonathan;Muhammadu Buhari/Buhari;Bola Tinubu/Tinubu
PRK|Kim Jong Il;Kim Jong-il;Kim Jong Un;Kim Jong-un;Kim Il Sung;Kim Il-sung
PAK|Pervez Musharraf/Musharraf;Benazir Bhutto/Bhutto;Nawaz Sharif/Sharif;Imran Khan;Mohammad Zia-ul-Haq/Zia;Asif Ali Zardari/Zardari
PSE|Yasser Arafat/Arafat;Mahmoud Abbas;Ismail Haniyeh/Haniyeh
PHL|Ferdinand Marcos;Corazon Aquino;Joseph Estrada/Estrada;Gloria Macapagal Arroyo/Arroyo;Rodrigo Duterte/Duterte
RUS|Vladimir Putin/Putin;Boris Yeltsin/Yeltsin;Mikhail Gorbachev/Gorbachev;Dmitry Medvedev/Medvedev;Yevgeny Primakov/Primakov;Viktor Chernomyrdin/Chernomyrdin
RWA|Paul Kagame/Kagame;Juvenal Habyarimana/Habyarimana
SAU|King Fahd;King Abdullah;King Salman;Mohammed bin Salman
SRB|Slobodan Milosevic/Milosevic;Vojislav Kostunica/Kostunica;Aleksandar Vucic/Vucic;Boris Tadic/Tadic
SOM|Mohamed Farah Aidid/Aidid
ZAF|Nelson Mandela/Mandela;Thabo Mbeki/Mbeki;Jacob Zuma/Zuma;Cyril Ramaphosa/Ramaphosa;F.W. de Klerk/de Klerk
KOR|Kim Dae-jung;Roh Moo-hyun;Lee Myung-bak;Park Geun-hye;Moon Jae-in;Yoon Suk Yeol
SDN|Omar al-Bashir/Bashir;Omar Hassan al-Bashir;Sadiq al-Mahdi
SSD|Salva Kiir/Kiir;Riek Machar/Machar
SYR|Bashar al-Assad/Assad;Hafez al-Assad
TUR|Recep Tayyip Erdogan/Erdogan;Turgut Ozal/Ozal;Suleyman Demirel/Demirel;Bulent Ecevit/Ecevit;Abdullah Ocalan/Ocalan
UGA|Yoweri Museveni/Museveni;Idi Amin
UKR|Volodymyr Zelensky/Zelensky;Volodymyr Zelenskyy/Zelenskyy;Leonid Kuchma/Kuchma;Viktor Yushchenko/Yushchenko;Viktor Yanukovych/Yanukovych;Petro Poroshenko/Poroshenko
GBR|Margaret Thatcher/Thatcher;John Major;Tony Blair/Blair;Gordon Brown;David Cameron;Theresa May;Boris Johnson;Keir Starmer/Starmer;Rishi Sunak/Sunak
USA|Ronald Reagan/Reagan;George H.W. Bush;George W. Bush/President Bush;Bill Clinton/President Clinton;Barack Obama/Obama;Donald Trump/Trump;Joe Biden/Biden;Condoleezza Rice;Colin Powell;Hillary Clinton;Madeleine Albright/Albright;John Kerry;Antony Blinken/Blinken;Mike Pompeo/Pompeo;Dick Cheney/Cheney;Donald Rumsfeld/Rumsfeld
VEN|Hugo Chavez/Chavez;Nicolas Maduro/Maduro
YEM|Ali Abdullah Saleh
ZMB|Kenneth Kaunda/Kaunda;Frederick Chiluba/Chiluba;Levy Mwanawasa/Mwanawasa
ZWE|Robert Mugabe/Mugabe;Emmerson Mnangagwa/Mnangagwa;Morgan Tsvangirai/Tsvangirai
`;

export interface WorldLeader {
  /** ISO3 of the state they lead or led. */
  code: string;
  name: string;
  /** Other names that stand for them alone: a distinctive surname. */
  short: string[];
}

export const WORLD_LEADERS: readonly WorldLeader[] = ROWS.trim()
  .split('\n')
  .flatMap((line) => {
    const [code, people] = line.split('|');
    return people.split(';').map((entry) => {
      const [name, ...short] = entry.split('/');
      return { code, name: name.trim(), short: short.map((s) => s.trim()) };
    });
  });
