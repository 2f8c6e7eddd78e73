/**
 * Well-known non-state movements, armed groups and parties of the last decades, by the state
 * they act in: news names them without saying where they belong ("Hamas threatened ...",
 * "the Taliban attacked ..."), and CAMEO and PLOVER coders file them under that state, as
 * this dataset files "Azerbaijani troops" under Azerbaijan. A row is `ISO3|name|aliases`,
 * aliases split by `;`. Groups that act across many states (al-Qaeda, Islamic State) are left
 * out: no one state stands for them. General knowledge, not drawn from any text; the dataset's
 * own actors win over it.
 */
const ROWS = `
PSE|Hamas|Islamic Resistance Movement
PSE|Fatah|
PSE|Palestine Liberation Organization|PLO;Palestinian Liberation Organization;Palestine Liberation Organisation
PSE|Islamic Jihad|Palestinian Islamic Jihad
LBN|Hezbollah|Hizbollah;Hizbullah;Hizballah
AFG|Taliban|the Taliban
AFG|Northern Alliance|
TUR|Kurdistan Workers' Party|PKK;Kurdistan Workers Party
LKA|Liberation Tigers of Tamil Eelam|LTTE;Tamil Tigers;Tamil Tiger
COL|Revolutionary Armed Forces of Colombia|FARC
COL|National Liberation Army of Colombia|ELN
ESP|ETA|Basque separatist group ETA
GBR|Irish Republican Army|IRA
GBR|Sinn Fein|Sinn Féin
KHM|Khmer Rouge|
AGO|UNITA|National Union for the Total Independence of Angola
MOZ|Renamo|RENAMO
SDN|Sudan People's Liberation Army|SPLA;Sudan People's Liberation Movement;SPLM
XKX|Kosovo Liberation Army|KLA;UCK
YEM|Houthis|Houthi rebels;Ansar Allah
NGA|Boko Haram|
SOM|al-Shabaab|al-Shabab;Al Shabaab;Shabaab
UGA|Lord's Resistance Army|LRA
PER|Shining Path|Sendero Luminoso
MEX|Zapatista National Liberation Army|Zapatistas;EZLN
NIC|Contras|
RWA|Rwandan Patriotic Front|RPF
ZAF|African National Congress|ANC
EGY|Muslim Brotherhood|
DZA|Armed Islamic Group|GIA
DZA|Islamic Salvation Front|FIS
PHL|Moro Islamic Liberation Front|MILF
PHL|Moro National Liberation Front|MNLF
PHL|Abu Sayyaf|
PHL|New People's Army|NPA
IDN|Free Aceh Movement|GAM
PAK|Lashkar-e-Taiba|Lashkar-e-Toiba
PAK|Jaish-e-Mohammed|Jaish-e-Muhammad
IRQ|Kurdistan Democratic Party|KDP
IRQ|Patriotic Union of Kurdistan|PUK
IRQ|Mahdi Army|
NPL|Communist Party of Nepal (Maoist)|Nepalese Maoists
`;

export interface WorldGroup {
  /** ISO3 of the state the group acts in. */
  code: string;
  name: string;
  aliases: string[];
}

export const WORLD_GROUPS: readonly WorldGroup[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [code, name, aliases] = line.split('|');
    return { code, name, aliases: (aliases ?? '').split(';').map((a) => a.trim()).filter(Boolean) };
  });
