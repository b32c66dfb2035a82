import { OpeningHoursEditor as OpeningHoursEditor_09709c15520202b1c20d53daefc1eaa2 } from '../../../../src/components/admin/OpeningHoursEditor/index.client'
import { NoDiff as NoDiff_2df5fe44b464da8f6b0f4b812deaa484 } from '../../../../src/components/admin/NoDiff'
import { ParisDateCell as ParisDateCell_44521c3745eaef633478515b8e09e96c } from '../../../../src/components/admin/ParisDateCell/index.client'
import { StatusFilters as StatusFilters_f94aefd416462c35801e1a995a2549c1 } from '../../../../src/components/admin/StatusFilters'
import { AdminOnlyTextField as AdminOnlyTextField_58c95b1cffd0705058743a935495416b } from '../../../../src/components/admin/AdminOnlyField/index.client'
import { OwnEmailNotice as OwnEmailNotice_eb2c6ed33e7668394002cb4c9ed0f126 } from '../../../../src/components/admin/OwnEmailNotice/index.client'
import { CurrentPasswordField as CurrentPasswordField_669ac741cd6bc643763e96facc353ff9 } from '../../../../src/components/admin/CurrentPasswordField/index.client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { Icon as Icon_b04c0db8d89d68ff5dd20d513b3034b9 } from '../../../../src/components/admin/Icon'
import { Logo as Logo_4522c7900ab0b0df414ce3e1574aaee4 } from '../../../../src/components/admin/Logo'
import { StatisticsHeaderLinks as StatisticsHeaderLinks_d167e1eea54a9ce755900176c312591c } from '../../../../src/components/admin/Statistics/NavLinks'
import { QuickActions as QuickActions_2fb9af22869358c85329254731321f7d } from '../../../../src/components/admin/QuickActions'
import { ModerationSummary as ModerationSummary_b478f95643fe79a9b66e4ac5f175efbb } from '../../../../src/components/admin/ModerationSummary'
import { BeforeLogin as BeforeLogin_a98b774adea8aca98f799ac1c0a96329 } from '../../../../src/components/admin/BeforeLogin'
import { ModerationNavLink as ModerationNavLink_7cd35f094306fc63f254086920144420 } from '../../../../src/components/admin/ModerationNavLink'
import { StatisticsNavLinks as StatisticsNavLinks_d167e1eea54a9ce755900176c312591c } from '../../../../src/components/admin/Statistics/NavLinks'
import { NewTerritoryNavLink as NewTerritoryNavLink_180bf9b7c8bd5d7cf0161f85c277e79d } from '../../../../src/components/admin/NewTerritory/NavLink'
import { FrenchScreenReaderText as FrenchScreenReaderText_102348891c4619c535f37911486bcfc0 } from '../../../../src/components/admin/FrenchScreenReaderText/index.client'
import { ModerationQueueView as ModerationQueueView_761b6235f9b196385688fcdbf6f9ce81 } from '../../../../src/components/admin/ModerationQueue'
import { StatisticsView as StatisticsView_7645062e9180eca90ebc34b1ea112183 } from '../../../../src/components/admin/Statistics'
import { PrintDirectoryView as PrintDirectoryView_b8064ca92c5b31f623727a38cd1dae12 } from '../../../../src/components/admin/Statistics/PrintDirectory'
import { ImportsView as ImportsView_f7a755531f75d61132c0a9f9746ac1ef } from '../../../../src/components/admin/Imports'
import { NewTerritoryView as NewTerritoryView_57b9bca19cd173c32887df3552df4720 } from '../../../../src/components/admin/NewTerritory'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/admin/OpeningHoursEditor/index.client#OpeningHoursEditor": OpeningHoursEditor_09709c15520202b1c20d53daefc1eaa2,
  "/src/components/admin/NoDiff#NoDiff": NoDiff_2df5fe44b464da8f6b0f4b812deaa484,
  "/src/components/admin/ParisDateCell/index.client#ParisDateCell": ParisDateCell_44521c3745eaef633478515b8e09e96c,
  "/src/components/admin/StatusFilters#StatusFilters": StatusFilters_f94aefd416462c35801e1a995a2549c1,
  "/src/components/admin/AdminOnlyField/index.client#AdminOnlyTextField": AdminOnlyTextField_58c95b1cffd0705058743a935495416b,
  "/src/components/admin/OwnEmailNotice/index.client#OwnEmailNotice": OwnEmailNotice_eb2c6ed33e7668394002cb4c9ed0f126,
  "/src/components/admin/CurrentPasswordField/index.client#CurrentPasswordField": CurrentPasswordField_669ac741cd6bc643763e96facc353ff9,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/admin/Icon#Icon": Icon_b04c0db8d89d68ff5dd20d513b3034b9,
  "/src/components/admin/Logo#Logo": Logo_4522c7900ab0b0df414ce3e1574aaee4,
  "/src/components/admin/Statistics/NavLinks#StatisticsHeaderLinks": StatisticsHeaderLinks_d167e1eea54a9ce755900176c312591c,
  "/src/components/admin/QuickActions#QuickActions": QuickActions_2fb9af22869358c85329254731321f7d,
  "/src/components/admin/ModerationSummary#ModerationSummary": ModerationSummary_b478f95643fe79a9b66e4ac5f175efbb,
  "/src/components/admin/BeforeLogin#BeforeLogin": BeforeLogin_a98b774adea8aca98f799ac1c0a96329,
  "/src/components/admin/ModerationNavLink#ModerationNavLink": ModerationNavLink_7cd35f094306fc63f254086920144420,
  "/src/components/admin/Statistics/NavLinks#StatisticsNavLinks": StatisticsNavLinks_d167e1eea54a9ce755900176c312591c,
  "/src/components/admin/NewTerritory/NavLink#NewTerritoryNavLink": NewTerritoryNavLink_180bf9b7c8bd5d7cf0161f85c277e79d,
  "/src/components/admin/FrenchScreenReaderText/index.client#FrenchScreenReaderText": FrenchScreenReaderText_102348891c4619c535f37911486bcfc0,
  "/src/components/admin/ModerationQueue#ModerationQueueView": ModerationQueueView_761b6235f9b196385688fcdbf6f9ce81,
  "/src/components/admin/Statistics#StatisticsView": StatisticsView_7645062e9180eca90ebc34b1ea112183,
  "/src/components/admin/Statistics/PrintDirectory#PrintDirectoryView": PrintDirectoryView_b8064ca92c5b31f623727a38cd1dae12,
  "/src/components/admin/Imports#ImportsView": ImportsView_f7a755531f75d61132c0a9f9746ac1ef,
  "/src/components/admin/NewTerritory#NewTerritoryView": NewTerritoryView_57b9bca19cd173c32887df3552df4720,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
