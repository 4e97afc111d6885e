/// A general list of place names: the world's countries, large cities, and the states and
/// provinces of the largest federations. Used to notice when a claim names a place, so that it
/// can be checked against the places the knowledge base names. Nothing here is about a brand.
public enum Gazetteer {
    /// How large a place is: a claim's town is compared with the towns a statement lists, its
    /// country with the countries.
    public enum Level: Sendable { case continent, country, region, city }

    /// Every name, as written in English.
    public static let names: Set<String> = Set((countries + regions + cities).split(separator: "\n").map(String.init).filter { !$0.isEmpty })

    static let countryNames: Set<String> = Set(countries.split(separator: "\n").map(String.init))
    static let regionNames: Set<String> = Set(regions.split(separator: "\n").map(String.init))

    /// The level of a known name (anything else, such as a town the knowledge base lists, is a city).
    public static func level(_ name: String) -> Level {
        continents.contains(name) ? .continent : countryNames.contains(name) ? .country : regionNames.contains(name) ? .region : .city
    }

    /// Names larger than a country: a list that names one is no closed list of countries.
    static let continents: Set<String> = ["EU", "European Union", "Europe", "Asia", "Africa", "North America", "South America",
                                          "Latin America", "Oceania", "Scandinavia", "Middle East"]

    /// One name for places with several ("UK" and "Britain" are "United Kingdom").
    public static func canonical(_ name: String) -> String { aliases[name] ?? name }

    static let aliases: [String: String] = [
        "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom", "U.K.": "United Kingdom",
        "US": "United States", "USA": "United States", "U.S.": "United States", "America": "United States",
        "United States of America": "United States", "Holland": "Netherlands", "Czech Republic": "Czechia", "Korea": "South Korea",
        "Kiev": "Kyiv", "Krakow": "Kraków", "Munich": "München", "Zurich": "Zürich", "Malmo": "Malmö", "Dusseldorf": "Düsseldorf",
        "Hanover": "Hannover", "Gent": "Ghent", "Bengaluru": "Bangalore", "Sao Paulo": "São Paulo", "Bogota": "Bogotá",
        "Malaga": "Málaga", "St Louis": "St. Louis", "New York City": "New York",
    ]

    static let countries = """
        Afghanistan\nAlbania\nAlgeria\nAndorra\nAngola\nArgentina\nArmenia\nAustralia\nAustria\nAzerbaijan\nBahamas\nBahrain\nBangladesh
        Barbados\nBelarus\nBelgium\nBelize\nBenin\nBhutan\nBolivia\nBosnia and Herzegovina\nBosnia\nBotswana\nBrazil\nBrunei\nBulgaria
        Burkina Faso\nBurundi\nCambodia\nCameroon\nCanada\nCape Verde\nChile\nChina\nColombia\nComoros\nCongo\nCosta Rica\nCroatia
        Cuba\nCyprus\nCzechia\nCzech Republic\nDenmark\nDjibouti\nDominica\nDominican Republic\nEcuador\nEgypt\nEl Salvador\nEngland
        Equatorial Guinea\nEritrea\nEstonia\nEswatini\nEthiopia\nFiji\nFinland\nFrance\nGabon\nGambia\nGeorgia\nGermany\nGhana\nGreece
        Grenada\nGuatemala\nGuinea\nGuyana\nHaiti\nHonduras\nHungary\nIceland\nIndia\nIndonesia\nIran\nIraq\nIreland\nIsrael\nItaly
        Ivory Coast\nJamaica\nJapan\nKazakhstan\nKenya\nKosovo\nKuwait\nKyrgyzstan\nLaos\nLatvia\nLebanon\nLesotho\nLiberia\nLibya
        Liechtenstein\nLithuania\nLuxembourg\nMadagascar\nMalawi\nMalaysia\nMaldives\nMali\nMalta\nMauritania\nMauritius\nMexico\nMoldova
        Monaco\nMongolia\nMontenegro\nMorocco\nMozambique\nMyanmar\nNamibia\nNepal\nNetherlands\nHolland\nNew Zealand\nNicaragua\nNiger
        Nigeria\nNorth Korea\nNorth Macedonia\nNorthern Ireland\nNorway\nOman\nPakistan\nPanama\nPapua New Guinea\nParaguay\nPeru\nPhilippines
        Poland\nPortugal\nQatar\nRomania\nRussia\nRwanda\nSaudi Arabia\nScotland\nSenegal\nSerbia\nSeychelles\nSierra Leone\nSingapore
        Slovakia\nSlovenia\nSomalia\nSouth Africa\nSouth Korea\nKorea\nSouth Sudan\nSpain\nSri Lanka\nSudan\nSuriname\nSweden\nSwitzerland
        Syria\nTaiwan\nTajikistan\nTanzania\nThailand\nTogo\nTrinidad and Tobago\nTunisia\nTurkey\nTurkmenistan\nUganda\nUkraine
        United Arab Emirates\nUnited Kingdom\nUnited States\nUnited States of America\nU.K.\nU.S.\nUruguay\nUzbekistan\nVenezuela\nVietnam\nWales\nYemen\nZambia\nZimbabwe
        Great Britain\nBritain\nUK\nUSA\nUS\nEU\nEuropean Union\nEurope\nAsia\nAfrica\nNorth America\nSouth America\nLatin America\nOceania\nScandinavia\nMiddle East
        Puerto Rico\nGreenland\nFaroe Islands\nHong Kong\nMacau
        """.replacingOccurrences(of: "        ", with: "")

    static let regions = """
        Alabama\nAlaska\nArizona\nArkansas\nCalifornia\nColorado\nConnecticut\nDelaware\nFlorida\nHawaii\nIdaho\nIllinois\nIndiana
        Iowa\nKansas\nKentucky\nLouisiana\nMaine\nMaryland\nMassachusetts\nMichigan\nMinnesota\nMississippi\nMissouri\nMontana\nNebraska
        Nevada\nNew Hampshire\nNew Jersey\nNew Mexico\nNew York\nNorth Carolina\nNorth Dakota\nOhio\nOklahoma\nOregon\nPennsylvania
        Rhode Island\nSouth Carolina\nSouth Dakota\nTennessee\nTexas\nUtah\nVermont\nVirginia\nWashington\nWest Virginia\nWisconsin
        Wyoming\nAlberta\nBritish Columbia\nManitoba\nNew Brunswick\nNewfoundland\nNova Scotia\nOntario\nQuebec\nSaskatchewan
        Bavaria\nSaxony\nTyrol\nCatalonia\nAndalusia\nTuscany\nLombardy\nSicily\nSardinia\nCorsica\nBrittany\nNormandy\nProvence\nFlanders
        Wallonia\nYorkshire\nCornwall\nDevon\nQueensland\nTasmania\nNew South Wales
        """.replacingOccurrences(of: "        ", with: "")

    static let cities = """
        Aarhus\nAberdeen\nAmsterdam\nAntwerp\nAthens\nBarcelona\nBasel\nBelfast\nBelgrade\nBergen\nBerlin\nBern\nBilbao
        Birmingham\nBologna\nBonn\nBordeaux\nBratislava\nBremen\nBrighton\nBristol\nBrno\nBrussels\nBucharest\nBudapest\nCambridge
        Cardiff\nCologne\nCopenhagen\nCork\nDelft\nDortmund\nDresden\nDublin\nDuisburg\nDundee\nDusseldorf\nDüsseldorf\nEdinburgh
        Eindhoven\nEssen\nExeter\nFlorence\nFrankfurt\nFreiburg\nGalway\nGdansk\nGeneva\nGenoa\nGent\nGhent\nGlasgow\nGothenburg\nGraz
        Groningen\nHaarlem\nHamburg\nHannover\nHanover\nHeidelberg\nHelsinki\nInnsbruck\nIstanbul\nKarlsruhe\nKiel\nKraków\nKrakow
        Kyiv\nKiev\nLausanne\nLeeds\nLeicester\nLeiden\nLeipzig\nLiège\nLille\nLimerick\nLinz\nLisbon\nLiverpool\nLjubljana\nLondon
        Lucerne\nLyon\nMaastricht\nMadrid\nMalaga\nMálaga\nMalmö\nMalmo\nManchester\nMannheim\nMarseille\nMilan\nMinsk\nMontpellier
        Moscow\nMunich\nMünchen\nMünster\nNantes\nNaples\nNewcastle\nNottingham\nNuremberg\nOdense\nOslo\nOxford\nPalermo\nParis
        Plymouth\nPorto\nPrague\nReykjavik\nRiga\nRome\nRotterdam\nSalzburg\nSeville\nSheffield\nSofia\nSouthampton\nSt Petersburg
        Stockholm\nStrasbourg\nStuttgart\nTallinn\nThe Hague\nToulouse\nTrondheim\nTurin\nUppsala\nUtrecht\nValencia\nVenice\nVienna
        Vilnius\nWarsaw\nWroclaw\nYork\nZagreb\nZaragoza\nZurich\nZürich\nAtlanta\nAustin\nBaltimore\nBoston\nBrooklyn\nChicago
        Cincinnati\nCleveland\nColumbus\nDallas\nDenver\nDetroit\nHonolulu\nHouston\nIndianapolis\nKansas City\nLas Vegas\nLos Angeles
        Miami\nMilwaukee\nMinneapolis\nNashville\nNew Orleans\nNew York City\nOakland\nOrlando\nPhiladelphia\nPhoenix\nPittsburgh\nPortland
        Raleigh\nSacramento\nSalt Lake City\nSan Antonio\nSan Diego\nSan Francisco\nSan Jose\nSeattle\nSt. Louis\nSt Louis\nTampa\nTucson
        Calgary\nEdmonton\nHalifax\nMontreal\nOttawa\nToronto\nVancouver\nWinnipeg\nMexico City\nGuadalajara\nMonterrey\nBogotá\nBogota
        Buenos Aires\nLima\nRio de Janeiro\nSantiago\nSão Paulo\nSao Paulo\nCaracas\nMontevideo\nQuito\nBangkok\nBeijing\nShanghai
        Shenzhen\nGuangzhou\nHanoi\nHo Chi Minh City\nJakarta\nKuala Lumpur\nManila\nMumbai\nDelhi\nNew Delhi\nBangalore\nBengaluru\nChennai
        Kolkata\nKarachi\nLahore\nDhaka\nSeoul\nBusan\nTokyo\nOsaka\nKyoto\nYokohama\nTaipei\nDubai\nAbu Dhabi\nDoha\nRiyadh\nTehran
        Tel Aviv\nJerusalem\nCairo\nLagos\nNairobi\nCape Town\nJohannesburg\nCasablanca\nAccra\nAddis Ababa\nSydney\nMelbourne\nBrisbane
        Perth\nAdelaide\nAuckland\nWellington
        """.replacingOccurrences(of: "        ", with: "")
}
